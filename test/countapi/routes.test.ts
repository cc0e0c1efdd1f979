import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { testClock } from '../clock.ts';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { publicCounterLifetimeSeconds as counterLifetimeSeconds } from '../../lambdas/shared/public-creation.ts';
import { getJson, uniqueName, useLocalApi } from '../helpers.ts';

const api = useLocalApi();
const get = (path: string, headers?: Record<string, string>) => getJson(api.fetch(path, { headers }));

// Key creation is limited to 20 per client per second, and all these tests are one client: each
// test runs one second further ahead than the one before, so no two share a rate-limit window.
let testIndex = 0;
beforeEach(() => {
  testClock.advance(++testIndex * 1000);
});
afterEach(() => {
  testClock.reset();
});

describe('hit', () => {
  it('creates a missing key at 1 and adds one per request', async () => {
    const key = uniqueName();
    expect((await get(`/hit/site.example/${key}`)).body).toEqual({ value: 1 });
    expect(await get(`/hit/site.example/${key}`)).toMatchObject({ status: 200, body: { value: 2 } });
    expect((await get(`/get/site.example/${key}`)).body).toEqual({ value: 2 });
  });

  it('creates hit counters that only accept updates of 0 or 1 and cannot be reset', async () => {
    const key = uniqueName();
    await get(`/hit/${key}`);
    expect(await get(`/info/${key}`)).toMatchObject({
      body: { enable_reset: false, update_lowerbound: 0, update_upperbound: 1 },
    });
    expect(await get(`/update/${key}?amount=1`)).toMatchObject({ status: 200, body: { value: 2 } });
    expect(await get(`/update/${key}?amount=2`)).toMatchObject({ status: 403, body: { value: 2 } });
    expect(await get(`/update/${key}?amount=-1`)).toMatchObject({ status: 403, body: { value: 2 } });
    expect(await get(`/set/${key}?value=7`)).toMatchObject({ status: 403, body: { old_value: 2, value: 2 } });
  });

  it('uses the default namespace when only a key is given', async () => {
    const key = uniqueName();
    await get(`/hit/${key}`);
    expect((await get(`/get/default/${key}`)).body).toEqual({ value: 1 });
  });
});

describe('get', () => {
  it('answers 404 with a null value for a missing key', async () => {
    expect(await get(`/get/${uniqueName()}`)).toMatchObject({ status: 404, body: { value: null } });
  });
});

describe('create', () => {
  it('applies CountAPI defaults: a UUID key in the default namespace at 0', async () => {
    const { status, body, headers } = await get('/create');
    expect(status).toBe(200);
    expect(body).toEqual({ namespace: 'default', key: expect.stringMatching(/^[0-9a-f-]{36}$/), value: 0 });
    expect(headers.get('x-path')).toBe(`default/${body.key}`);
    expect(await get(`/info/${body.key}`)).toMatchObject({
      body: { value: 0, enable_reset: false, update_lowerbound: -1, update_upperbound: 1 },
    });
  });

  it('stores every given setting', async () => {
    const key = uniqueName();
    expect(
      await get(`/create?namespace=shop.example&key=${key}&value=42&enable_reset=true&update_lowerbound=-5&update_upperbound=10`),
    ).toMatchObject({ status: 200, body: { namespace: 'shop.example', key, value: 42 } });
    expect((await get(`/info/shop.example/${key}`)).body).toMatchObject({
      namespace: 'shop.example',
      key,
      value: 42,
      enable_reset: true,
      update_lowerbound: -5,
      update_upperbound: 10,
    });
  });

  it('answers 409 with nulls when the key exists, and leaves it unchanged', async () => {
    const key = uniqueName();
    await get(`/create?key=${key}&value=5`);
    expect(await get(`/create?key=${key}&value=9`)).toMatchObject({
      status: 409,
      body: { namespace: null, key: null, value: null },
    });
    expect((await get(`/get/${key}`)).body).toEqual({ value: 5 });
  });

  it.each([
    ['1', true],
    ['0', false],
    ['true', true],
    ['false', false],
  ])('accepts enable_reset=%s', async (flag, expected) => {
    const key = uniqueName();
    await get(`/create?key=${key}&enable_reset=${flag}`);
    expect((await get(`/info/${key}`)).body.enable_reset).toBe(expected);
  });

  it.each([
    ['update_upperbound=-1', 'update_upperbound must be positive'],
    ['update_lowerbound=1', 'update_lowerbound must be negative'],
    ['enable_reset=yes', 'enable_reset must be 1, 0, true or false'],
    ['value=abc', 'value must be an integer'],
    ['value=9007199254740992', 'value must be between -9007199254740991 and 9007199254740991'],
    ['key=ab', 'Malformed Namespace/Key'],
  ])('refuses %s with 400 and creates nothing', async (query, error) => {
    expect(await get(`/create?${query}`)).toMatchObject({ status: 400, body: { error } });
  });

  it('allows bounds of 0', async () => {
    const key = uniqueName();
    expect((await get(`/create?key=${key}&update_lowerbound=0&update_upperbound=0`)).status).toBe(200);
    expect(await get(`/update/${key}?amount=0`)).toMatchObject({ status: 200, body: { value: 0 } });
    expect(await get(`/update/${key}?amount=1`)).toMatchObject({ status: 403, body: { value: 0 } });
  });
});

describe('set', () => {
  it('replaces the value of a resettable key and returns the old one', async () => {
    const key = uniqueName();
    await get(`/create?key=${key}&value=42&enable_reset=1`);
    expect(await get(`/set/${key}?value=69`)).toMatchObject({ status: 200, body: { old_value: 42, value: 69 } });
    expect((await get(`/get/${key}`)).body).toEqual({ value: 69 });
  });

  it('answers 403 for a key created without enable_reset, and 404 with nulls for a missing key', async () => {
    const key = uniqueName();
    await get(`/create?key=${key}&value=1234`);
    expect(await get(`/set/${key}?value=1`)).toMatchObject({ status: 403, body: { old_value: 1234, value: 1234 } });
    expect(await get(`/set/${uniqueName()}?value=1`)).toMatchObject({ status: 404, body: { old_value: null, value: null } });
  });

  it.each(['', 'x', '1.5', '1e3', '9007199254740992', '-9007199254740992'])('refuses value=%s with 400', async (value) => {
    const key = uniqueName();
    await get(`/create?key=${key}&enable_reset=1`);
    expect((await get(`/set/${key}?value=${value}`)).status).toBe(400);
    expect((await get(`/get/${key}`)).body).toEqual({ value: 0 });
  });

  it('requires a value', async () => {
    expect(await get(`/set/${uniqueName()}`)).toMatchObject({ status: 400, body: { error: 'value is required' } });
  });
});

describe('update', () => {
  it('adds amounts within the bounds and refuses others with 403 and the unchanged value', async () => {
    const key = uniqueName();
    await get(`/create?key=${key}&value=42&update_lowerbound=-10&update_upperbound=5`);
    expect(await get(`/update/${key}?amount=5`)).toMatchObject({ status: 200, body: { value: 47 } });
    expect(await get(`/update/${key}?amount=-10`)).toMatchObject({ status: 200, body: { value: 37 } });
    expect(await get(`/update/${key}?amount=6`)).toMatchObject({ status: 403, body: { value: 37 } });
    expect(await get(`/update/${key}?amount=-11`)).toMatchObject({ status: 403, body: { value: 37 } });
  });

  it('answers 404 for a missing key and 400 for a missing or malformed amount', async () => {
    expect(await get(`/update/${uniqueName()}?amount=1`)).toMatchObject({ status: 404, body: { value: null } });
    expect((await get(`/update/${uniqueName()}`)).status).toBe(400);
    expect((await get(`/update/${uniqueName()}?amount=one`)).status).toBe(400);
  });

  it('refuses a write that would leave the safe integer range and changes nothing', async () => {
    const key = uniqueName();
    const max = Number.MAX_SAFE_INTEGER;
    await get(`/create?key=${key}&value=${max - 1}&update_upperbound=${max}&update_lowerbound=-${max}`);
    expect(await get(`/update/${key}?amount=2`)).toMatchObject({ status: 400 });
    expect(await get(`/update/${key}?amount=1`)).toMatchObject({ status: 200, body: { value: max } });
    expect((await get(`/hit/${key}`)).status).toBe(400);
    expect((await get(`/get/${key}`)).body).toEqual({ value: max });
    await get(`/set/${key}?value=-${max}`); // not resettable: unchanged
    const low = uniqueName();
    await get(`/create?key=${low}&value=-${max}&update_lowerbound=-5&enable_reset=1`);
    expect((await get(`/update/${low}?amount=-1`)).status).toBe(400);
    expect((await get(`/get/${low}`)).body).toEqual({ value: -max });
  });
});

describe('info', () => {
  it('describes a key, with the milliseconds left before it expires', async () => {
    const nowMs = Date.UTC(2030, 10, 22, 12, 0, 0);
    testClock.pin(nowMs);
    const key = uniqueName();
    await get(`/create?namespace=docs.example&key=${key}&value=3`);
    testClock.pin(nowMs + 1500);
    expect(await get(`/info/docs.example/${key}`)).toEqual(
      expect.objectContaining({
        status: 200,
        body: {
          namespace: 'docs.example',
          key,
          ttl: counterLifetimeSeconds * 1000 - 1500,
          created: nowMs,
          value: 3,
          enable_reset: false,
          update_lowerbound: -1,
          update_upperbound: 1,
        },
      }),
    );
  });

  it('answers 404 with every field null for a missing key', async () => {
    const { status, body } = await get(`/info/${uniqueName()}`);
    expect(status).toBe(404);
    expect(Object.values(body).every((value) => value === null)).toBe(true);
    expect(Object.keys(body).sort()).toEqual(
      ['created', 'enable_reset', 'key', 'namespace', 'ttl', 'update_lowerbound', 'update_upperbound', 'value'],
    );
  });
});

describe('expiry', () => {
  const startMs = Date.UTC(2030, 1, 1);
  const afterLifetime = startMs + (counterLifetimeSeconds + 1) * 1000;

  it('pushes expiry six months past every write', async () => {
    testClock.pin(startMs);
    const key = uniqueName();
    await get(`/hit/${key}`);
    testClock.pin(startMs + 100 * 86_400_000);
    await get(`/hit/${key}`);
    testClock.pin(afterLifetime);
    expect(await get(`/get/${key}`)).toMatchObject({ status: 200, body: { value: 2 } });
  });

  it('treats a counter past its expiry as missing until a write starts it afresh', async () => {
    testClock.pin(startMs);
    const key = uniqueName();
    await get(`/create?key=${key}&value=50&enable_reset=1`);
    testClock.pin(afterLifetime);
    expect((await get(`/get/${key}`)).status).toBe(404);
    expect((await get(`/info/${key}`)).status).toBe(404);
    expect((await get(`/set/${key}?value=1`)).status).toBe(404);
    expect((await get(`/update/${key}?amount=1`)).status).toBe(404);
    expect(await get(`/hit/${key}`)).toMatchObject({ status: 200, body: { value: 1 } });
    expect((await get(`/info/${key}`)).body).toMatchObject({ enable_reset: false, update_lowerbound: 0, created: afterLifetime });
  });

  it('lets create replace an expired key that TTL has not deleted yet', async () => {
    const key = uniqueName();
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: { pk: `countapi#default#${key}`, sk: 'counter', value: 9, enableReset: false, updateLowerbound: 0, updateUpperbound: 1, createdAt: 0, expiresAt: 1 },
      }),
    );
    expect(await get(`/create?key=${key}&value=3`)).toMatchObject({ status: 200, body: { value: 3 } });
    expect((await get(`/get/${key}`)).body).toEqual({ value: 3 });
  });
});

describe('names', () => {
  it.each(['ab', 'a'.repeat(65), 'bad%20name', 'bad@name', 'x:y:z'])('refuses the key %s with 400 Malformed Namespace/Key', async (key) => {
    const response = await get(`/hit/${key}`);
    expect(response).toMatchObject({ status: 400, body: { error: 'Malformed Namespace/Key' } });
    expect(response.headers.get('x-path')).toBeNull();
  });

  it('refuses a malformed namespace', async () => {
    expect(await get(`/get/n!/${uniqueName()}`)).toMatchObject({ status: 400, body: { error: 'Malformed Namespace/Key' } });
  });

  it('accepts 64-character names made of letters, digits, _ - .', async () => {
    const key = `A_b-c.${'9'.repeat(58)}`;
    expect((await get(`/hit/${key}`)).status).toBe(200);
  });
});

describe('reserved words', () => {
  it('replaces :HOST: and :PATHNAME: from the Referer and names the result in X-Path', async () => {
    const referer = 'https://blog.example.com:8443/posts/2026/hello-world?utm=x';
    const first = await get('/hit/:HOST:/:PATHNAME:', { referer });
    expect(first.headers.get('x-path')).toBe('blog.example.com/posts2026hello-world');
    await get('/hit/:HOST:/:PATHNAME:', { referer });
    expect((await get('/get/blog.example.com/posts2026hello-world')).body).toEqual({ value: 2 });
  });

  it('takes the host from Origin when there is no Referer, and pads short values with dots', async () => {
    const response = await get('/hit/:HOST:/:PATHNAME:', { origin: 'https://ab' });
    expect(response.headers.get('x-path')).toBe('ab./...');
  });

  it('pads to ... without either header, and cuts to 64 characters', async () => {
    expect((await get('/hit/:HOST:/home')).headers.get('x-path')).toBe('.../home');
    const longPath = `https://x.example/${'p'.repeat(80)}`;
    const response = await get(`/hit/${uniqueName('ns')}/page-:PATHNAME:`, { referer: longPath });
    expect(response.headers.get('x-path')?.split('/')[1]).toHaveLength(64);
  });

  it('removes characters outside the name pattern', async () => {
    const response = await get('/hit/:HOST:/:PATHNAME:', { referer: 'https://site.example/a%20b/c~d' });
    expect(response.headers.get('x-path')).toBe('site.example/a20bcd');
    expect(response.headers.get('x-path')).not.toContain(':');
  });
});

describe('answer formats and headers', () => {
  it('sends CORS, cache and X-Path headers on success and on errors', async () => {
    const key = uniqueName();
    for (const path of [`/hit/${key}`, `/get/${uniqueName()}`, '/hit/x', '/stats']) {
      const { headers } = await get(path);
      expect(headers.get('access-control-allow-origin')).toBe('*');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('access-control-expose-headers')).toContain('X-Path');
    }
    expect((await get(`/hit/${key}`)).headers.get('x-path')).toBe(`default/${key}`);
  });

  it('answers JSONP with status 200 and the real status in the body', async () => {
    const key = uniqueName();
    await get(`/hit/${key}`);
    const found = await api.fetch(`/get/${key}?callback=counters.show`);
    expect(found.status).toBe(200);
    expect(found.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(await found.text()).toBe('counters.show({"value":1,"status":200});');
    const missing = await api.fetch(`/get/${uniqueName()}?callback=cb`);
    expect(missing.status).toBe(200);
    expect(await missing.text()).toBe('cb({"value":null,"status":404});');
    const malformed = await api.fetch('/get/x?callback=cb');
    expect(await malformed.text()).toBe('cb({"error":"Malformed Namespace/Key","status":400});');
  });

  it('refuses an unsafe callback name with a plain JSON 400', async () => {
    for (const callback of ['alert(1)', '1abc', 'a'.repeat(65), '']) {
      const response = await get(`/get/${uniqueName()}?callback=${encodeURIComponent(callback)}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('answers ?img with a 200 transparent 1x1 GIF whatever happened, and still counts', async () => {
    const key = uniqueName();
    for (const path of [`/hit/${key}?img`, `/get/${uniqueName()}?img`, '/hit/x?img']) {
      const response = await api.fetch(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/gif');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
      expect([bytes.readUInt16LE(6), bytes.readUInt16LE(8)]).toEqual([1, 1]);
    }
    expect((await get(`/get/${key}`)).body).toEqual({ value: 1 });
  });

  it('answers CORS preflights and unknown paths', async () => {
    const preflight = await api.fetch('/hit/a/b', {
      method: 'OPTIONS',
      headers: { origin: 'https://site.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const unknown = await get('/no/such/route/here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('stats', () => {
  it('counts requests, created keys and updates', async () => {
    const { countapiStats } = await import('../../lambdas/countapi/http.ts');
    countapiStats.flushes.intervalMs = 0;
    const before = (await get('/stats')).body as Record<string, number>;
    const key = uniqueName();
    await get(`/hit/${key}`); // creates and updates
    await get(`/hit/${key}`); // updates
    expect((await get(`/create?key=${uniqueName()}`)).status).toBe(200); // creates
    await get(`/get/${key}`);
    const after = await get('/stats');
    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      keys_created: before.keys_created + 2,
      keys_updated: before.keys_updated + 2,
      requests: before.requests + 5,
      version: expect.any(String),
    });
  });
});
