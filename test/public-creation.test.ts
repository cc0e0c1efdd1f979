import { afterEach, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { hitCounterKey as counterKey, hitVisitorKey as markerKey } from '../lambdas/shared/keys.ts';
import { documentClient } from '../lambdas/shared/dynamodb.ts';
import { hashIp } from '../lambdas/shared/ip-hash.ts';
import { creationLimitMessage, creationsPerSecond, publicCounterLifetimeSeconds } from '../lambdas/shared/public-creation.ts';
import { tableName } from '../lambdas/shared/table.ts';
import { testClock } from './clock.ts';
import { getFrom, parallel, uniqueName, useLocalApi } from './helpers.ts';
import { parseXml } from './hits/xml.ts';

/** Anonymous clients create public counters (CountAPI and hit counters) only within one per-IP limit, and those counters expire. */
const api = useLocalApi();
const from = (ip: string) => (path: string) => getFrom(`${api.url}${path}`, ip);
afterEach(() => {
  testClock.reset();
});
const dayMs = 86_400_000;

describe('the per-IP creation limit', () => {
  it(`admits exactly ${creationsPerSecond} new public counters per second per IP, across /create, /hit and /hits`, async () => {
    const get = from('127.0.0.7');
    const existing = `/hit/limits.example/${uniqueName()}`;
    testClock.pin(testClock.at(5_000 - 1)); // the second before: the counter counted below exists already
    expect((await get(existing)).status).toBe(200);
    testClock.pin(testClock.at(6_250));
    const paths = [
      ...Array.from({ length: 12 }, () => `/create?key=${uniqueName()}`),
      ...Array.from({ length: 12 }, () => `/hit/limits.example/${uniqueName()}`),
      ...Array.from({ length: 12 }, () => `/hits/limits.example/${uniqueName()}`),
      ...Array.from({ length: 12 }, () => `/hits/limits.example/${uniqueName()}.svg`),
    ];
    const responses = await Promise.all(paths.map((path) => get(path)));
    const limited = responses.filter(({ status }) => status === 429);
    expect(responses.filter(({ status }) => status === 200)).toHaveLength(creationsPerSecond);
    expect(limited).toHaveLength(paths.length - creationsPerSecond);
    for (const response of limited) {
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const message = response.headers.get('content-type')!.startsWith('image/svg+xml')
        ? parseXml(response.text).attributes['aria-label']
        : `error: ${(JSON.parse(response.text) as { error: string }).error}`;
      expect(message).toBe(`error: ${creationLimitMessage}`);
    }
    // Counting on an existing counter is never limited; another address has its own limit.
    expect(await get(existing)).toMatchObject({ status: 200, text: '{"value":2}' });
    expect((await from('127.0.0.8')(`/hit/limits.example/${uniqueName()}`)).status).toBe(200);
    testClock.pin(testClock.at(7_000));
    expect((await get(`/hits/limits.example/${uniqueName()}`)).status).toBe(200);
  });

  it('creates nothing when refused', async () => {
    const get = from('127.0.0.9');
    testClock.pin(testClock.at(9_000));
    await parallel(creationsPerSecond, () => get(`/create?key=${uniqueName()}`));
    const refused = uniqueName();
    expect((await get(`/hits/limits.example/${refused}`)).status).toBe(429);
    expect((await get(`/hit/limits.example/${refused}`)).status).toBe(429);
    testClock.pin(testClock.at(10_000));
    expect(await get(`/hits/limits.example/${refused}`)).toMatchObject({ status: 200, text: '{"visit":1,"visitor":1}' });
    expect(await get(`/get/limits.example/${refused}`)).toMatchObject({ status: 404 });
  });
});

describe('hit counter expiry', () => {
  const item = async (key: Record<string, string>) =>
    (await documentClient.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;

  it('lives six months after its last counted hit, then reads as never hit and starts afresh', async () => {
    const name = { id: 'expiry.example', resource: uniqueName() };
    const path = `/hits/${name.id}/${name.resource}`;
    const startMs = testClock.pin(testClock.at(dayMs));
    await from('127.0.0.10')(path);
    testClock.pin(startMs + 100 * dayMs);
    expect((await from('127.0.0.11')(path)).text).toBe('{"visit":2,"visitor":2}');
    const lastHitMs = startMs + 100 * dayMs;
    testClock.pin(lastHitMs + publicCounterLifetimeSeconds * 1000 - 1000);
    expect((await from('127.0.0.10')(`${path}?mode=read`)).text).toBe('{"visit":2,"visitor":2}');
    testClock.pin(lastHitMs + publicCounterLifetimeSeconds * 1000);
    expect((await from('127.0.0.10')(`${path}?mode=read`)).text).toBe('{"visit":0,"visitor":0}');
    expect((await from('127.0.0.11')(path)).text).toBe('{"visit":1,"visitor":1}');
    expect((await from('127.0.0.10')(path)).text).toBe('{"visit":2,"visitor":2}');
  });

  it("gives a visitor's marker the expiry its counter gets from that visitor's hit, never a shorter one", async () => {
    const name = { id: 'expiry.example', resource: uniqueName() };
    const nowMs = testClock.pin(testClock.at(3 * dayMs));
    await from('127.0.0.12')(`/hits/${name.id}/${name.resource}`);
    testClock.pin(nowMs + 30 * dayMs);
    await from('127.0.0.12')(`/hits/${name.id}/${name.resource}`);
    const counter = await item(counterKey(name));
    const marker = await item(markerKey(name, hashIp('127.0.0.12', process.env.IP_HASH_SECRET!, `${name.id}/${name.resource}`)));
    expect(counter!.expiresAt).toBe(Math.floor((nowMs + 30 * dayMs) / 1000) + publicCounterLifetimeSeconds);
    expect(marker).toMatchObject({ expiresAt: counter!.expiresAt, firstVisitAt: nowMs });
  });
});
