import { afterEach, describe, expect, it } from 'vitest';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { hitCounterKey as counterKey, hitVisitorKey as markerKey } from '../../lambdas/shared/keys.ts';
import { testClock } from '../clock.ts';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { hashIp } from '../../lambdas/shared/ip-hash.ts';
import { publicCounterLifetimeSeconds } from '../../lambdas/shared/public-creation.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { getFrom, uniqueName, useLocalApi } from '../helpers.ts';
import { parseXml } from './xml.ts';

const api = useLocalApi();
/** A hit from the client at `ip` (127.0.0.2 unless said otherwise), its JSON parsed. */
const hit = async (path: string, ip = '127.0.0.2', headers: Record<string, string> = {}) => {
  const response = await getFrom(`${api.url}${path}`, ip, headers);
  return { ...response, body: JSON.parse(response.text) as Record<string, unknown> };
};
const itemAt = async (key: Record<string, string>) => (await documentClient.send(new GetCommand({ TableName: tableName(), Key: key }))).Item;
const counterItem = (id: string, resource: string) => itemAt(counterKey({ id, resource }));
const markerItem = (id: string, resource: string, ip: string) =>
  itemAt(markerKey({ id, resource }, hashIp(ip, process.env.IP_HASH_SECRET!, `${id}/${resource}`)));
/** Every item of the hit counter `id/resource`: its counter and its visitors' markers. */
const itemsOf = async (id: string, resource: string) => {
  const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: tableName(), ConsistentRead: true }));
  return Items.filter(({ pk }) => pk === `hits#${id}#${resource}` || String(pk).startsWith(`hits-visitor#${id}#${resource}#`));
};

afterEach(() => {
  testClock.reset();
});

describe('GET /hits/{id}/{resource}', () => {
  it('adds a visit on every request and a visitor for each new client address', async () => {
    const path = `/hits/site.example/${uniqueName()}`;
    expect((await hit(path, '127.0.0.2')).body).toEqual({ visit: 1, visitor: 1 });
    expect((await hit(path, '127.0.0.2')).body).toEqual({ visit: 2, visitor: 1 });
    expect((await hit(path, '127.0.0.3')).body).toEqual({ visit: 3, visitor: 2 });
    expect((await hit(path, '127.0.0.2')).body).toEqual({ visit: 4, visitor: 2 });
  });

  it('counts visitors per counter: a known address is new on another counter', async () => {
    const first = uniqueName();
    const second = uniqueName();
    await hit(`/hits/site.example/${first}`, '127.0.0.4');
    expect((await hit(`/hits/site.example/${second}`, '127.0.0.4')).body).toEqual({ visit: 1, visitor: 1 });
    expect((await hit(`/hits/other.example/${first}`, '127.0.0.4')).body).toEqual({ visit: 1, visitor: 1 });
  });

  it('addresses the same counter with no suffix, .json and .svg', async () => {
    const resource = uniqueName();
    await hit(`/hits/site.example/${resource}`);
    await hit(`/hits/site.example/${resource}.json`);
    const image = await getFrom(`${api.url}/hits/site.example/${resource}.svg`, '127.0.0.2');
    expect(parseXml(image.text).attributes['aria-label']).toBe('visits: 3');
    expect((await hit(`/hits/site.example/${resource}.json?mode=read`)).body).toEqual({ visit: 3, visitor: 1 });
  });

  it('takes the client address from the connection, never from X-Forwarded-For', async () => {
    const path = `/hits/site.example/${uniqueName()}`;
    for (const forwarded of ['10.0.0.1', '10.0.0.2', '203.0.113.9, 10.0.0.3']) await hit(path, '127.0.0.2', { 'x-forwarded-for': forwarded });
    expect((await hit(`${path}?mode=read`)).body).toEqual({ visit: 3, visitor: 1 });
  });

  it('ignores unknown query parameters such as cache busters', async () => {
    expect((await hit(`/hits/site.example/${uniqueName()}?v=123&utm_source=x`)).body).toEqual({ visit: 1, visitor: 1 });
  });
});

describe('mode=read', () => {
  it('answers zeros for a counter never hit, and writes nothing', async () => {
    const resource = uniqueName();
    expect(await hit(`/hits/site.example/${resource}?mode=read`)).toMatchObject({ status: 200, body: { visit: 0, visitor: 0 } });
    expect(await itemsOf('site.example', resource)).toEqual([]);
  });

  it('returns the current numbers and changes nothing, not even the visitor markers', async () => {
    const resource = uniqueName();
    const path = `/hits/site.example/${resource}`;
    await hit(path, '127.0.0.2');
    const before = await itemsOf('site.example', resource);
    for (const suffix of ['', '.json', '.svg']) {
      const response = await getFrom(`${api.url}${path}${suffix}?mode=read`, '127.0.0.5');
      expect(response.status).toBe(200);
    }
    expect((await hit(`${path}?mode=read`, '127.0.0.5')).body).toEqual({ visit: 1, visitor: 1 });
    expect(await itemsOf('site.example', resource)).toEqual(before);
    expect(await markerItem('site.example', resource, '127.0.0.5')).toBeUndefined();
    // 127.0.0.5 read four times, yet its first hit still finds it a new visitor.
    expect((await hit(path, '127.0.0.5')).body).toEqual({ visit: 2, visitor: 2 });
  });
});

describe('privacy', () => {
  it('stores a keyed hash per counter and the first visit time, never the address', async () => {
    const nowMs = Date.UTC(2030, 10, 22, 9, 30);
    testClock.pin(nowMs);
    const [first, second] = [uniqueName(), uniqueName()];
    await hit(`/hits/site.example/${first}`, '127.0.0.6');
    await hit(`/hits/site.example/${second}`, '127.0.0.6');
    const [firstItems, secondItems] = [await itemsOf('site.example', first), await itemsOf('site.example', second)];
    expect(JSON.stringify([firstItems, secondItems])).not.toContain('127.0.0.6');
    expect(firstItems).toHaveLength(2);

    const firstMarker = await markerItem('site.example', first, '127.0.0.6');
    const secondMarker = await markerItem('site.example', second, '127.0.0.6');
    const expiresAt = Math.floor(nowMs / 1000) + publicCounterLifetimeSeconds;
    expect(firstMarker).toEqual({ pk: expect.stringMatching(/^hits-visitor#site\.example#/), sk: 'visitor', firstVisitAt: nowMs, expiresAt });
    expect(firstItems).toContainEqual(firstMarker);
    expect(secondItems).toContainEqual(secondMarker);
    // The same address leaves unrelated markers on two counters.
    expect(String(firstMarker!.pk).split('#').at(-1)).not.toBe(String(secondMarker!.pk).split('#').at(-1));
    expect(await counterItem('site.example', first)).toEqual({
      ...counterKey({ id: 'site.example', resource: first }),
      visit: 1,
      visitor: 1,
      createdAt: nowMs,
      expiresAt,
    });
  });
});

describe('errors', () => {
  it.each([
    ['/hits', 'Missing id or resource'],
    ['/hits/site.example', 'Missing id or resource'],
    ['/hits/ab', 'Missing id or resource'],
    ['/hits/site.example/.json', 'Missing id or resource'],
    ['/hits/site.example/ab', 'Invalid resource'],
    ['/hits/site.example/a%20b%20c', 'Invalid resource'],
    [`/hits/site.example/${'r'.repeat(65)}`, 'Invalid resource'],
    ['/hits/n!/page', 'Invalid id'],
    ['/hits/site.example/page?mode=write', 'mode must be read (or left out to count)'],
  ])('%s answers 400 {"error": "%s"}', async (path, error) => {
    const response = await hit(path);
    expect(response).toMatchObject({ status: 400, body: { error } });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('counts nothing when the query is refused', async () => {
    const resource = uniqueName();
    expect((await hit(`/hits/site.example/${resource}?mode=count`)).status).toBe(400);
    expect((await getFrom(`${api.url}/hits/site.example/${resource}.svg?color=nope`, '127.0.0.2')).status).toBe(400);
    expect(await itemsOf('site.example', resource)).toEqual([]);
  });
});

describe('headers', () => {
  const noCaching = {
    'cache-control': 'max-age=0, no-cache, no-store, must-revalidate',
    pragma: 'no-cache',
    'access-control-allow-origin': '*',
  };

  it.each([
    ['a count', (resource: string) => `/hits/site.example/${resource}`, 200, 'application/json; charset=utf-8'],
    ['a read', (resource: string) => `/hits/site.example/${resource}?mode=read`, 200, 'application/json; charset=utf-8'],
    ['an image', (resource: string) => `/hits/site.example/${resource}.svg`, 200, 'image/svg+xml; charset=utf-8'],
    ['an error', () => '/hits/site.example/ab', 400, 'application/json; charset=utf-8'],
    ['an image error', () => '/hits/site.example/ab.svg', 400, 'image/svg+xml; charset=utf-8'],
  ])('forbid caching and allow any origin on %s', async (_, pathOf, status, contentType) => {
    const response = await getFrom(`${api.url}${pathOf(uniqueName())}`, '127.0.0.2');
    expect(response.status).toBe(status);
    expect(Object.fromEntries(Object.keys(noCaching).map((name) => [name, response.headers.get(name)]))).toEqual(noCaching);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(Date.parse(response.headers.get('expires')!)).toBeLessThan(testClock.now());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('confines images with a Content-Security-Policy', async () => {
    const response = await getFrom(`${api.url}/hits/site.example/${uniqueName()}.svg`, '127.0.0.2');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('never answers 304, whatever the conditional headers say', async () => {
    const path = `/hits/site.example/${uniqueName()}`;
    const conditional = { 'if-none-match': '*', 'if-modified-since': new Date(testClock.now()).toUTCString() };
    for (const suffix of ['', '.svg', '?mode=read']) {
      const response = await getFrom(`${api.url}${path}${suffix}`, '127.0.0.2', conditional);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('last-modified')).toBeNull();
    }
    expect((await hit(`${path}?mode=read`)).body).toEqual({ visit: 2, visitor: 1 });
  });
});
