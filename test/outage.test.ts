import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynamoDbLocal } from '../lib/local/dynamodb-local.ts';
import { testClock } from './clock.ts';
import { bearer, createTestOwner, type TestOwner, useLocalApi } from './helpers.ts';

/**
 * DynamoDB dies while the service runs: every answer is the family's documented 503 with
 * Retry-After, and no promise (the statistics flush, the decision log flush) is left to reject
 * unhandled, which in Lambda would fail the invocation instead of answering.
 */
const api = useLocalApi();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let owner: TestOwner;

beforeAll(async () => {
  // A DynamoDB Local of this file's own, to kill; handler modules load on their first request, after this.
  const dynamodb = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = dynamodb.endpoint;
  await ensureTable(dynamodb.endpoint, process.env.TABLE_NAME!);
  // Pinned: the key and configuration cached below stay cached, so requests get as far as their writes.
  testClock.pin(testClock.at(60_000));
  owner = await createTestOwner('outage', 'bulk');
  const { countapiStats } = await import('../lambdas/countapi/http.ts');
  const { decisionLog } = await import('../lambdas/quota/decision-log.ts');
  countapiStats.flushes.intervalMs = 0;
  decisionLog.flushes.intervalMs = 0;
  await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'calls', limit: 100 });
  // Warm every cache, and leave statistics and a decision pending, so the next requests flush.
  expect((await api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 's', metric: 'calls', cost: 1 })).status).toBe(200);
  expect((await api.fetch('/hit/outage.example/visits')).status).toBe(200);
  expect((await api.fetch('/hits/outage.example/home')).status).toBe(200);
  expect((await api.call(owner.useKey, 'GET', '/v1/counters/c')).status).toBe(200);
  await dynamodb.stop();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('when DynamoDB dies mid-run', () => {
  const countapiUnavailable = { error: 'Service temporarily unavailable, please retry' };
  const v1Unavailable = { error: { code: 'service_unavailable', message: 'Service temporarily unavailable, please retry' } };

  it.each([
    ['CountAPI hit (with a statistics flush due)', () => api.fetch('/hit/outage.example/visits'), countapiUnavailable],
    ['CountAPI create', () => api.fetch('/create?key=outage-new'), countapiUnavailable],
    ['check-consume (with a decision log flush due)', () => api.fetch('/v1/check-consume', bearer(owner.useKey, { method: 'POST', body: { subject: 's', metric: 'calls', cost: 1 } })), v1Unavailable],
    ['check-consume with an Idempotency-Key', () => api.fetch('/v1/check-consume', bearer(owner.useKey, { method: 'POST', body: { subject: 's', metric: 'calls', cost: 1 }, headers: { 'idempotency-key': 'outage-1' } })), v1Unavailable],
    ['usage', () => api.fetch('/v1/usage?subject=s&metric=calls', bearer(owner.useKey)), v1Unavailable],
    ['private counter increment', () => api.fetch('/v1/counters/c/increment', bearer(owner.useKey, { method: 'POST', body: {} })), v1Unavailable],
    ['namespace counter', () => api.fetch('/v1/misc/counter/n', { method: 'POST', headers: { 'requiems-api-key': owner.useKey } }), { error: 'service_unavailable', message: 'Service temporarily unavailable, please retry' }],
    ['hit counter', () => api.fetch('/hits/outage.example/home'), undefined],
  ])('%s answers 503 with Retry-After, and leaves no promise unhandled', async (_, send, body) => {
    const response = await send();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    if (body) expect(await response.json()).toEqual(body);
    else await response.arrayBuffer();
    // Rejections nobody handles are reported after the microtask queue drains: give them a turn.
    await new Promise((wake) => setTimeout(wake, 50));
    expect(unhandled).toEqual([]);
  });
});
