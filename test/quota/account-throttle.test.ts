import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { keyPrefixes } from '../../lambdas/shared/keys.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { createTestOwner, parallel, uniqueName, useLocalApi } from '../helpers.ts';
import { useItemThrottle } from '../item-throttle.ts';

/**
 * An owner's account counts under a scaled-down per-item write limit (test/item-throttle.ts: 20
 * writes a window, as an item in AWS takes ~1,000 a second): on one item the account admits the
 * item's rate and answers the rest 503; spread over shards it admits up to shards × 20, a request
 * that a throttled shard refused trying the others before it answers 503, and its shards count each
 * admitted request exactly once. A 503 leaves nothing behind: no subject's consumption, no counter
 * change. A hot subject (a metric's `shards`) likewise.
 */
const api = useLocalApi();
const perItem = 20;
const throttle = useItemThrottle(perItem);

const itemsUnder = async (prefix: string) => {
  const { Items = [] } = await documentClient.send(
    new ScanCommand({ TableName: tableName(), FilterExpression: 'begins_with(pk, :prefix)', ExpressionAttributeValues: { ':prefix': prefix } }),
  );
  return Items;
};
const sumOf = (items: Record<string, unknown>[]) => items.reduce((sum, item) => sum + Number(item.count), 0);
const statusesOf = (replies: { status: number }[]) => ({
  ok: replies.filter(({ status }) => status === 200).length,
  unavailable: replies.filter(({ status }) => status === 503).length,
});

describe('an account under a per-item write limit of 20 a window', () => {
  /** `count` concurrent decisions of distinct subjects, each consuming 1 of a daily limit far away (behind Idempotency-Keys if `idempotent`). */
  const burst = async (plan: string, count: number, { idempotent = false } = {}) => {
    const owner = await createTestOwner(uniqueName('owner'), plan);
    await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'api_calls', limit: 1_000, window: 'day' });
    throttle.nextWindow();
    const replies = await parallel(count, (index) =>
      api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: `u${index}`, metric: 'api_calls', cost: 1, ...(idempotent && { 'Idempotency-Key': `key-${index}` }) }),
    );
    const accountWrites = [...throttle.writes].filter(([pk]) => pk.startsWith(`account#${owner.ownerId}#`)).map(([, writes]) => writes);
    return {
      ...statusesOf(replies),
      hottest: Math.max(...accountWrites),
      // The metric's creation counted too.
      counted: sumOf(await itemsUnder(`account#${owner.ownerId}#rate`)) - 1,
      consumed: sumOf(await itemsUnder(`${keyPrefixes.quotaSubject}${owner.ownerId}#`)),
    };
  };

  it('on one item, admits the item’s 20 and answers the other 40 requests 503, consuming nothing for them', async () => {
    // Act
    const window = await burst('one-item', 60);
    // Assess
    expect(window).toEqual({ ok: perItem, unavailable: 60 - perItem, hottest: perItem, counted: perItem, consumed: perItem });
  });

  it('on 8 shards, admits all 60 (up to 8 × 20), each counted once', async () => {
    // Act
    const window = await burst('eight-items', 60);
    // Assess
    expect(window).toMatchObject({ ok: 60, unavailable: 0, counted: 60, consumed: 60 });
    expect(window.hottest).toBeLessThanOrEqual(perItem);
  });

  // 79 requests for 4 × 20 of room: unless a throttled shard sends a request on to another, some shard gets more than 20 (all but certainly).
  it('on 4 shards, 79 requests: a throttled shard sends each to another, so all 79 are admitted, each counted once', async () => {
    // Act
    const window = await burst('four-items', 79);
    // Assess
    expect(window).toEqual({ ok: 79, unavailable: 0, hottest: perItem, counted: 79, consumed: 79 });
  });

  it('on 4 shards, 100 requests: exactly 4 × 20 admitted, and only those every shard throttled answer 503', async () => {
    // Act
    const window = await burst('four-items', 100);
    // Assess
    expect(window).toEqual({ ok: 4 * perItem, unavailable: 100 - 4 * perItem, hottest: perItem, counted: 4 * perItem, consumed: 4 * perItem });
  });

  it('on 4 shards, 79 requests behind Idempotency-Keys: the same, each transaction tried again on another shard', async () => {
    // Act
    const window = await burst('four-items', 79, { idempotent: true });
    // Assess
    expect(window).toEqual({ ok: 79, unavailable: 0, hottest: perItem, counted: 79, consumed: 79 });
  });

  it('on 4 shards, increments of distinct counters (counted in their transaction): 79 all made; of 100, exactly 80, and no 503 leaves a counter behind', async () => {
    const increments = async (count: number) => {
      const owner = await createTestOwner(uniqueName('owner'), 'four-items');
      throttle.nextWindow();
      const replies = await parallel(count, (index) => api.call(owner.useKey, 'POST', `/v1/counters/c${index}/increment`, {}));
      const counted = sumOf(await itemsUnder(`account#${owner.ownerId}#rate`));
      throttle.nextWindow();
      const reads = await parallel(count, async (index) => (await api.call(owner.useKey, 'GET', `/v1/counters/c${index}`)).status);
      return { ...statusesOf(replies), counted, counters: reads.filter((status) => status === 200).length };
    };
    // Act, Assess
    expect(await increments(79)).toEqual({ ok: 79, unavailable: 0, counted: 79, counters: 79 });
    expect(await increments(100)).toEqual({ ok: 4 * perItem, unavailable: 100 - 4 * perItem, counted: 4 * perItem, counters: 4 * perItem });
  });
});

describe('a hot subject under a per-item write limit of 20 a window', () => {
  const burst = async (shards: number | undefined, count = 60) => {
    const owner = await createTestOwner(uniqueName('owner'), 'unlimited');
    const metric = uniqueName('m').replaceAll('-', '_');
    await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric, limit: 1_000, window: 'day', ...(shards && { shards }) });
    throttle.nextWindow();
    const replies = await parallel(count, () => api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 'hot', metric, cost: 1 }));
    const usage = await api.call(owner.useKey, 'GET', `/v1/usage?subject=hot&metric=${metric}`);
    return { ...statusesOf(replies), current: usage.body.current };
  };

  it('on one item, admits 20 and answers the other 40 consumptions 503', async () => {
    // Act
    const window = await burst(undefined);
    // Assess
    expect(window).toEqual({ ok: perItem, unavailable: 60 - perItem, current: perItem });
  });

  it('on 8 shards, admits all 60, each consumed once', async () => {
    // Act
    const window = await burst(8);
    // Assess
    expect(window).toEqual({ ok: 60, unavailable: 0, current: 60 });
  });

  it('on 4 shards, a throttled shard sends a consumption to another: 79 consumptions all admitted; of 100, exactly 4 × 20', async () => {
    // Act, Assess
    expect(await burst(4, 79)).toEqual({ ok: 79, unavailable: 0, current: 79 });
    expect(await burst(4, 100)).toEqual({ ok: 4 * perItem, unavailable: 100 - 4 * perItem, current: 4 * perItem });
  });
});
