import { beforeAll, describe, expect, it } from 'vitest';
import { countapiStats } from '../../lambdas/countapi/http.ts';
import { countapiCounterKey } from '../../lambdas/shared/keys.ts';
import { shardCount } from '../../lambdas/shared/sharded-counter.ts';
import { table } from '../../lambdas/shared/table.ts';
import { testClock } from '../clock.ts';
import { expectAllowedByRoute, sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { getJson, parallel, uniqueName, useLocalApi } from '../helpers.ts';
import { useItemThrottle } from '../item-throttle.ts';

/**
 * A hot CountAPI counter under a scaled-down DynamoDB: every item takes 20 writes per window
 * (test/item-throttle.ts), as an item in AWS takes ~1,000 per second. Unsharded, one counter
 * admits 20 hits per window and answers the rest 503; once throttling has sharded it, it admits
 * 16 × 20, and every total read back equals the hits that were answered 200.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();
const perItem = 20;
const throttle = useItemThrottle(perItem);
const get = (path: string) => getJson(api.fetch(path));
const statuses = (responses: { status: number }[]) => ({
  ok: responses.filter(({ status }) => status === 200).length,
  unavailable: responses.filter(({ status }) => status === 503).length,
});

beforeAll(() => {
  countapiStats.flushes.intervalMs = Infinity;
  // Layouts are remembered for a minute: a pinned clock keeps them through a slow run.
  testClock.pin(testClock.at(0));
});

/** Sends `count` hits at once in a fresh window; returns the answers and the highest number of writes one item took. */
const burst = async (key: string, count: number) => {
  throttle.nextWindow();
  const responses = await parallel(count, () => get(`/hit/${key}`));
  return { responses, ...statuses(responses), hottestItem: Math.max(...throttle.writes.values()) };
};

const figures: string[] = [];

describe('a hot CountAPI counter', () => {
  const key = uniqueName();
  let admitted = 1;
  const total = async () => (await get(`/get/${key}`)).body.value;

  it('unsharded, admits one item’s rate and answers the rest 503, exactly', async () => {
    throttle.nextWindow();
    expect((await get(`/hit/${key}`)).body).toEqual({ value: 1 });
    const window = await burst(key, 60);
    figures.push(`unsharded: 60 hits in a window -> ${window.ok} x 200, ${window.unavailable} x 503`);
    expect(window).toMatchObject({ ok: perItem, unavailable: 60 - perItem, hottestItem: perItem });
    expect(window.responses.find(({ status }) => status === 503)!.headers.get('retry-after')).toBe('1');
    admitted += perItem;
    expect(await total()).toBe(admitted);
  });

  it('shards itself on the next window, and counts every hit it answers 200', async () => {
    const window = await burst(key, 60);
    figures.push(`sharding: 60 hits in a window -> ${window.ok} x 200, ${window.unavailable} x 503`);
    // One request marks the base item (one write), the others wait for it, then all count on shards.
    expect(window).toMatchObject({ ok: 60, unavailable: 0 });
    admitted += window.ok;
    expect(await total()).toBe(admitted);
  });

  it(`sharded, admits ${shardCount} × the rate of one item, exactly`, async () => {
    const full = await burst(key, shardCount * perItem);
    expect(full).toMatchObject({ ok: shardCount * perItem, unavailable: 0, hottestItem: perItem });
    expect(throttle.writes.has(countapiCounterKey({ namespace: 'default', key })[table.partitionKey]!)).toBe(false);
    admitted += full.ok;
    const values = full.responses.map(({ body }) => body.value as number);
    // Lower bounds of the total: never above it, and growing past what the base item alone holds.
    expect(Math.max(...values)).toBeLessThanOrEqual(admitted);
    expect(Math.max(...values)).toBeGreaterThan(admitted - full.ok);
    expect(await total()).toBe(admitted);

    const over = await burst(key, 400);
    figures.push(`sharded: ${shardCount * perItem} hits -> ${full.ok} x 200; 400 hits -> ${over.ok} x 200, ${over.unavailable} x 503`);
    expect(over).toMatchObject({ ok: shardCount * perItem, unavailable: 400 - shardCount * perItem, hottestItem: perItem });
    admitted += over.ok;
    expect(await total()).toBe(admitted);
  });

  it('reads the sum in one round trip (BatchGetItem of the base and its shards), in get and info alike', async () => {
    for (const [routeId, path] of [
      ['countapi-get', `/get/${key}`],
      ['countapi-info', `/info/${key}`],
    ] as const) {
      const { result, calls } = await dynamodb.during(() => get(path));
      expect(result.body.value).toBe(admitted);
      expect({ roundTrips: sequentialRoundTrips(calls), calls: calls.map(({ command }) => command) }).toEqual({ roundTrips: 1, calls: ['BatchGetItemCommand'] });
      expect(calls[0]!.accesses).toHaveLength(1 + shardCount);
      expectAllowedByRoute(routeId, calls);
    }
  });

  it('keeps update bounds and set refusals, answering the sum', async () => {
    throttle.nextWindow();
    expect(await get(`/update/${key}?amount=1`)).toMatchObject({ status: 200, body: { value: admitted + 1 } });
    expect(await get(`/update/${key}?amount=2`)).toMatchObject({ status: 403, body: { value: admitted + 1 } });
    expect(await get(`/set/${key}?value=5`)).toMatchObject({ status: 403, body: { old_value: admitted + 1, value: admitted + 1 } });
    expect(await total()).toBe(admitted + 1);
  });

  it('expires as a whole after 183 days, and its next life ignores, then restarts, the old shards', async () => {
    testClock.pin(testClock.at(184 * 86_400_000));
    expect(await get(`/get/${key}`)).toMatchObject({ status: 404 });
    throttle.nextWindow();
    expect((await get(`/hit/${key}`)).body).toEqual({ value: 1 });
    expect(await total()).toBe(1);
    await burst(key, 60); // throttled: shards again
    const second = await burst(key, 60);
    const third = await burst(key, 200);
    expect(third.ok).toBe(200);
    expect(await total()).toBe(1 + perItem + second.ok + third.ok);
  });

  it('never shards a counter that can go down or be reset', async () => {
    const resettable = uniqueName();
    throttle.nextWindow();
    expect((await get(`/create?key=${resettable}&enable_reset=1`)).status).toBe(200);
    // The window after the first throttle spends one write on the refused marking; later ones none.
    const windows = [await burst(resettable, 30), await burst(resettable, 30), await burst(resettable, 30)];
    expect(windows.map(({ ok }) => ok)).toEqual([perItem, perItem - 1, perItem]);
    expect([...throttle.writes.keys()]).toEqual([countapiCounterKey({ namespace: 'default', key: resettable })[table.partitionKey]]);
    expect(await get(`/get/${resettable}`)).toMatchObject({ body: { value: 3 * perItem - 1 } });
  });

  it('reports its figures', () => {
    console.log(`Hot CountAPI counter, ${perItem} writes per item per window:\n  ${figures.join('\n  ')}`);
  });
});
