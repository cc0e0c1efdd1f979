import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Incr, IncrError } from '../../packages/client/src/index.ts';
import { createTestOwner, type TestOwner, uniqueName, useLocalApi } from '../helpers.ts';

/** Timeouts, retries and the failure policy, with faults injected by a proxy in front of the local server. */

const api = useLocalApi();
let owner: TestOwner;
let metric: string;
beforeAll(async () => {
  owner = await createTestOwner('sdk-resilience', 'scale');
  metric = `credits_${Date.now()}`;
  await new Incr({ baseUrl: api.url, apiKey: owner.adminKey }).metrics.create({ metric, limit: 100 });
});

type Fault = 'pass' | { delayMs: number } | { status: number; body: unknown; headers?: Record<string, string> };

const servers: Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))));

const listen = async (server: Server) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
};

/**
 * Forwards every attempt to the local server (so a faulty attempt still reaches it and may consume),
 * then answers as `faults[attempt]` says: late, replaced, or as it was. Records what each attempt sent.
 */
const faultyProxy = async (faults: Fault[]) => {
  const attempts: { idempotencyKey: string | undefined }[] = [];
  const url = await listen(
    createServer(async (request, response) => {
      const fault = faults[attempts.length] ?? 'pass';
      attempts.push({ idempotencyKey: request.headers['idempotency-key'] as string | undefined });
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(`${api.url}${request.url}`, { method: request.method, headers, body: await readBody(request) });
      const text = await answer.text();
      if (fault !== 'pass' && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault !== 'pass' && 'status' in fault) {
        response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers }).end(JSON.stringify(fault.body));
      } else if (!response.destroyed) response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
    }),
  );
  return { url, attempts };
};

/** A port nothing listens on. */
const closedPort = async () => {
  const url = await listen(createServer());
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return url;
};

const usage = (subject: string) => new Incr({ baseUrl: api.url, apiKey: owner.useKey }).quota.usage({ subject, metric });
const unavailable = { error: { code: 'service_unavailable', message: 'Service temporarily unavailable, please retry' } };

describe('retries consume exactly once', () => {
  it('a timed-out check-consume is retried with the same generated Idempotency-Key', async () => {
    const proxy = await faultyProxy([{ delayMs: 1_500 }]);
    const subject = uniqueName('user');
    const incr = new Incr({ baseUrl: proxy.url, apiKey: owner.useKey, timeoutMs: 500 });
    expect(await incr.quota.checkConsume({ subject, metric, cost: 3 })).toEqual({ allowed: true, remaining: 97, reason: null, failed: false });
    expect(proxy.attempts).toHaveLength(2);
    expect(proxy.attempts[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(proxy.attempts[1]!.idempotencyKey).toBe(proxy.attempts[0]!.idempotencyKey);
    expect(await usage(subject)).toMatchObject({ current: 3, remaining: 97 });
  });

  it('a 503 is retried after its Retry-After, and the caller\'s own Idempotency-Key is sent', async () => {
    const proxy = await faultyProxy([{ status: 503, body: unavailable, headers: { 'retry-after': '1' } }]);
    const subject = uniqueName('user');
    const incr = new Incr({ baseUrl: proxy.url, apiKey: owner.useKey });
    expect(await incr.quota.checkConsume({ subject, metric, cost: 5 }, { idempotencyKey: 'order-42' })).toMatchObject({ allowed: true, remaining: 95 });
    expect(proxy.attempts.map((attempt) => attempt.idempotencyKey)).toEqual(['order-42', 'order-42']);
    expect(await usage(subject)).toMatchObject({ current: 5 });
  });

  it('each logical call gets its own key: two calls consume twice', async () => {
    const subject = uniqueName('user');
    const incr = new Incr({ baseUrl: api.url, apiKey: owner.useKey });
    await incr.quota.checkConsume({ subject, metric, cost: 1 });
    await incr.quota.checkConsume({ subject, metric, cost: 1 });
    expect(await usage(subject)).toMatchObject({ current: 2 });
  });

  it('a write without an idempotency key is never retried', async () => {
    const proxy = await faultyProxy([{ status: 503, body: unavailable }]);
    const key = uniqueName();
    const incr = new Incr({ baseUrl: proxy.url, apiKey: owner.useKey });
    await expect(incr.counters.increment(key)).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(proxy.attempts).toHaveLength(1);
    expect(await new Incr({ baseUrl: api.url, apiKey: owner.useKey }).counters.get(key)).toEqual({ key, value: 1 });
  });

  it('reads give up after `retries` extra attempts, with the last error', async () => {
    const rateLimited = { status: 429, body: { error: 'Too many' }, headers: { 'retry-after': '0' } };
    const proxy = await faultyProxy([rateLimited, rateLimited, rateLimited]);
    const incr = new Incr({ baseUrl: proxy.url, retries: 2 });
    await expect(incr.hits.read('sdk.example', 'home')).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 0 });
    expect(proxy.attempts).toHaveLength(3);
  });
});

describe('failure policy', () => {
  const params = { subject: 'user_1', metric: 'api_calls', cost: 1 };

  it('fails open against a closed port, marked failed', async () => {
    const incr = new Incr({ baseUrl: await closedPort(), apiKey: owner.useKey, retries: 1 });
    const decision = await incr.quota.checkConsume(params);
    expect(decision).toMatchObject({ allowed: true, remaining: null, reason: null, failed: true, error: { status: null, code: 'ECONNREFUSED' } });
  });

  it('fails closed when the client or the call says so', async () => {
    const baseUrl = await closedPort();
    const closed = { allowed: false, remaining: null, reason: 'incr_unavailable', failed: true };
    expect(await new Incr({ baseUrl, apiKey: owner.useKey, failMode: 'closed', retries: 0 }).quota.checkConsume(params)).toMatchObject(closed);
    expect(await new Incr({ baseUrl, apiKey: owner.useKey, retries: 0 }).quota.checkConsume(params, { failMode: 'closed' })).toMatchObject(closed);
  });

  it('a timeout and a 5xx answer fail by the policy too', async () => {
    const proxy = await faultyProxy([{ delayMs: 1_000 }, { status: 500, body: { error: { code: 'internal_error', message: 'Internal server error' } } }]);
    const incr = new Incr({ baseUrl: proxy.url, apiKey: owner.useKey, timeoutMs: 300, retries: 0 });
    expect(await incr.quota.checkConsume(params)).toMatchObject({ allowed: true, failed: true, error: { code: 'ETIMEDOUT' } });
    expect(await incr.quota.checkConsume(params, { failMode: 'closed' })).toMatchObject({ allowed: false, failed: true, error: { status: 500 } });
  });

  it('a 4xx is never failed open', async () => {
    const incr = new Incr({ baseUrl: api.url, apiKey: 'ck_use_live_0000000000000000000000000000000000000000' });
    await expect(incr.quota.checkConsume(params)).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    await expect(new Incr({ baseUrl: api.url, apiKey: owner.useKey }).quota.checkConsume({ ...params, cost: 0 })).rejects.toMatchObject({
      status: 400,
      code: 'validation_error',
      details: { cost: 'Cost must be a positive integer' },
    });
  });
});

describe('one IncrError whatever the wire shape', () => {
  const incr = () => new Incr({ baseUrl: api.url, apiKey: owner.useKey });
  const failure = (call: Promise<unknown>) => call.then(() => expect.unreachable(), (error: unknown) => (expect(error).toBeInstanceOf(IncrError), error));

  it('CountAPI {"error": message}', async () => {
    expect(await failure(incr().countapi.get('ab', 'cd'))).toMatchObject({ status: 400, code: 'validation_error', message: 'Malformed Namespace/Key', details: undefined });
  });

  it('hits {"error": message}', async () => {
    expect(await failure(incr().hits.count('bad id!', 'home'))).toMatchObject({ status: 400, code: 'validation_error', message: 'Invalid id' });
  });

  it('/v1 {"error": {code, message, details}}', async () => {
    expect(await failure(incr().counters.increment('bad key!'))).toMatchObject({
      status: 400,
      code: 'validation_error',
      details: { key: 'key must be 1-128 letters, digits, _ . : or -' },
    });
  });

  it('Requiems {"error": code, "message"}', async () => {
    expect(await failure(incr().namespaceCounter.get('bad ns!'))).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'Invalid namespace: must be 1–64 chars, alphanumeric, hyphen or underscore only',
    });
  });

  it('Retry-After is read into retryAfter', async () => {
    const proxy = await faultyProxy([{ status: 503, body: unavailable, headers: { 'retry-after': '7' } }]);
    expect(await failure(new Incr({ baseUrl: proxy.url, retries: 0 }).countapi.stats())).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: 7 });
  });
});
