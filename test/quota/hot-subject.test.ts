import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { createTestOwner, parallel, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * A hot metric (its `shards`): each subject's window spread over shards that each hold a slice of
 * the limit (lambdas/quota/subject-counter.ts). Concurrent consumptions at the limit admit exactly
 * the limit at cost 1, and no fewer than the documented bound (N × (cost − 1)) otherwise, never
 * more; every reply is checked, and usage sums the shards exactly.
 */
const api = useLocalApi();

beforeAll(() => testClock.pin(testClock.at(0)));
afterAll(() => testClock.reset());

type Reply = { status: number; body: Record<string, unknown> };

const hotMetric = async (limit: number, shards: number) => {
  const owner = await createTestOwner(uniqueName('owner'), 'bulk');
  const metric = uniqueName('m').replaceAll('-', '_');
  const created = await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric, limit, window: 'day', shards });
  expect(created).toMatchObject({ status: 201, body: { metric, limit, shards } });
  const check = (subject: string, cost: number, headers: Record<string, string> = {}): Promise<Reply> =>
    api.call(owner.useKey, 'POST', '/v1/check-consume', { subject, metric, cost, ...headers });
  const usage = async (subject: string) => (await api.call(owner.useKey, 'GET', `/v1/usage?subject=${subject}&metric=${metric}`)).body;
  return { check, usage };
};

const allowedOf = (replies: Reply[]) => replies.filter(({ body }) => body.allowed === true);

describe('a hot metric', () => {
  it('80 concurrent consumptions of one subject, limit 50: exactly 50 allowed, each remaining a lower bound, usage exact', async () => {
    // Prepare
    const { check, usage } = await hotMetric(50, 8);
    // Act
    const replies = await parallel(80, () => check('hot_user', 1));
    // Assess
    expect(replies.every(({ status }) => status === 200)).toBe(true);
    const allowed = allowedOf(replies);
    expect(allowed).toHaveLength(50);
    // The largest slice is 7: what one shard has left after admitting is 0..6.
    for (const { body } of allowed) expect(body).toEqual({ allowed: true, remaining: expect.any(Number), reason: null });
    expect(allowed.every(({ body }) => (body.remaining as number) >= 0 && (body.remaining as number) <= 6)).toBe(true);
    for (const { body } of replies.filter(({ body }) => !body.allowed)) expect(body).toEqual({ allowed: false, remaining: 0, reason: 'limit_exceeded' });
    expect(await usage('hot_user')).toMatchObject({ current: 50, limit: 50, remaining: 0 });
  });

  it('60 concurrent consumptions at cost 3 over 4 shards: never over the limit, at most 4 × 2 under it', async () => {
    // Prepare
    const { check, usage } = await hotMetric(100, 4);
    // Act
    const replies = await parallel(60, () => check('cost_3', 3));
    // Assess
    const admitted = allowedOf(replies).length * 3;
    expect(admitted).toBeLessThanOrEqual(100);
    expect(100 - admitted).toBeLessThanOrEqual(4 * (3 - 1));
    expect(await usage('cost_3')).toMatchObject({ current: admitted, remaining: 100 - admitted });
  });

  it('60 concurrent decisions behind Idempotency-Keys, limit 40: exactly 40 allowed', async () => {
    // Prepare
    const { check, usage } = await hotMetric(40, 8);
    // Act
    const replies = await parallel(60, (index) => check('idem_user', 1, { 'Idempotency-Key': `k-${index}` }));
    // Assess
    expect(replies.every(({ status }) => status === 200)).toBe(true);
    expect(allowedOf(replies)).toHaveLength(40);
    for (const { body } of replies.filter(({ body }) => !body.allowed)) expect(body).toMatchObject({ allowed: false, reason: 'limit_exceeded' });
    expect(await usage('idem_user')).toMatchObject({ current: 40, remaining: 0 });
  });

  it('denies a cost above the largest slice without consuming anything', async () => {
    // Prepare: slices 3, 3, 2, 2.
    const { check, usage } = await hotMetric(10, 4);
    // Act
    const reply = await check('big', 4);
    // Assess
    expect(reply.body).toEqual({ allowed: false, remaining: 10, reason: 'limit_exceeded' });
    expect(await usage('big')).toMatchObject({ current: 0, remaining: 10 });
  });

  it('refuses shards outside 1..64 with a 400', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('owner'), 'bulk');
    // Act
    const reply = await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'too_hot', limit: 10, shards: 65 });
    // Assess
    expect(reply.status).toBe(400);
  });
});
