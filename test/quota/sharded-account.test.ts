import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { testClock } from '../clock.ts';
import { createTestOwner, parallel, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * An owner's account counts spread over shards (lambdas/quota/account-counters.ts): at a cap,
 * concurrent requests admit exactly the cap (the documented under-admission bound is none), every
 * reply says so, and the shards' counts add up to every request made.
 */
const api = useLocalApi();

beforeAll(() => {
  // One second for each burst: the per-second cap is the one reached.
  testClock.pin(testClock.at(0));
});
afterAll(() => testClock.reset());

const shardItemsOf = async (ownerId: string, count: 'rate' | 'month') => {
  const { Items = [] } = await documentClient.send(
    new ScanCommand({ TableName: tableName(), FilterExpression: 'begins_with(pk, :account)', ExpressionAttributeValues: { ':account': `account#${ownerId}#${count}` } }),
  );
  return Items;
};
const sumOf = (items: Record<string, unknown>[]) => items.reduce((sum, item) => sum + Number(item.count), 0);

type Reply = { status: number; body: Record<string, unknown> };
const allowedOf = (replies: Reply[]) => replies.filter(({ body }) => body.allowed === true);

describe('a sharded account at its cap (8 shards, 50 a second)', () => {
  it('150 concurrent decisions: exactly 50 allowed, each denial names the burst, and every request is counted', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('owner'), 'sharded');
    // Act
    const replies = await parallel(150, () => api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: uniqueName('u'), metric: 'api_calls', cost: 1 }));
    // Assess
    expect(replies.every(({ status }) => status === 200)).toBe(true);
    expect(allowedOf(replies)).toHaveLength(50);
    for (const { body } of replies) {
      expect(body).toEqual(body.allowed ? { allowed: true, remaining: null, reason: null } : { allowed: false, remaining: 0, reason: 'owner_rate_limit_exceeded_second' });
    }
    const rate = await shardItemsOf(owner.ownerId, 'rate');
    expect(rate).toHaveLength(8);
    expect(sumOf(rate)).toBe(150);
    expect(sumOf(await shardItemsOf(owner.ownerId, 'month'))).toBe(150);
    const account = await api.call(owner.adminKey, 'GET', '/v1/account');
    expect(account.body).toMatchObject({ month: { requests: 150, cap: 1_000, remaining: 850 } });
  });

  it('150 concurrent decisions behind Idempotency-Keys: exactly 50 allowed, and replays answer the same', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('owner'), 'sharded');
    const decide = (index: number) =>
      api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: `u${index}`, metric: 'api_calls', cost: 1, 'Idempotency-Key': `key-${index}` });
    // Act
    const replies = await parallel(150, decide);
    // Assess
    expect(replies.every(({ status }) => status === 200)).toBe(true);
    expect(allowedOf(replies)).toHaveLength(50);
    for (const { body } of replies) expect(body.reason).toBe(body.allowed ? null : 'owner_rate_limit_exceeded_second');
    const allowedIndex = replies.findIndex(({ body }) => body.allowed);
    expect((await decide(allowedIndex)).body).toEqual(replies[allowedIndex]!.body);
  });

  it('100 concurrent counter increments: exactly 50 answered 200, the rest 429, and the counter holds 50', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('owner'), 'sharded');
    const key = uniqueName('c');
    // Act
    const replies = await parallel(100, () => api.call(owner.useKey, 'POST', `/v1/counters/${key}/increment`, {}));
    // Assess
    expect(replies.filter(({ status }) => status === 200)).toHaveLength(50);
    const refused = replies.filter(({ status }) => status !== 200);
    expect(refused.every(({ status, body }) => status === 429 && body.error !== undefined)).toBe(true);
    testClock.pin(testClock.now() + 60_000);
    expect((await api.call(owner.useKey, 'GET', `/v1/counters/${key}`)).body).toMatchObject({ value: 50 });
  });
});
