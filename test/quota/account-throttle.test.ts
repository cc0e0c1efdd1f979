import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { createTestOwner, parallel, uniqueName, useLocalApi } from '../helpers.ts';
import { useItemThrottle } from '../item-throttle.ts';

/**
 * An owner's account counts under a scaled-down per-item write limit (test/item-throttle.ts: 20
 * writes a window, as an item in AWS takes ~1,000 a second): on one item the account admits the
 * item's rate and answers the rest 503; spread over 8 shards it admits up to 8 times as much, and
 * its shards count each admitted request exactly once. A hot subject (a metric's `shards`) likewise.
 */
const api = useLocalApi();
const perItem = 20;
const throttle = useItemThrottle(perItem);


const shardItemsOf = async (ownerId: string, count: 'rate' | 'month') => {
  const { Items = [] } = await documentClient.send(
    new ScanCommand({ TableName: tableName(), FilterExpression: 'begins_with(pk, :account)', ExpressionAttributeValues: { ':account': `account#${ownerId}#${count}` } }),
  );
  return Items;
};
const sumOf = (items: Record<string, unknown>[]) => items.reduce((sum, item) => sum + Number(item.count), 0);


describe('an account under a per-item write limit of 20 a window', () => {
  const burst = async (plan: string, count: number) => {
    throttle.nextWindow();
    const owner = await createTestOwner(uniqueName('owner'), plan);
    const replies = await parallel(count, () => api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: uniqueName('u'), metric: 'api_calls', cost: 1 }));
    const accountWrites = [...throttle.writes].filter(([pk]) => pk.startsWith(`account#${owner.ownerId}#`)).map(([, writes]) => writes);
    return {
      ok: replies.filter(({ status }) => status === 200).length,
      unavailable: replies.filter(({ status }) => status === 503).length,
      hottest: Math.max(...accountWrites),
      counted: sumOf(await shardItemsOf(owner.ownerId, 'rate')),
    };
  };

  it('on one item, admits the item’s 20 and answers the other 40 requests 503', async () => {
    // Act
    const window = await burst('one-item', 60);
    // Assess
    expect(window).toEqual({ ok: perItem, unavailable: 60 - perItem, hottest: perItem, counted: perItem });
  });

  it('on 8 shards, admits all 60 (up to 8 × 20), each counted once', async () => {
    // Act
    const window = await burst('eight-items', 60);
    // Assess
    expect(window).toMatchObject({ ok: 60, unavailable: 0, counted: 60 });
    expect(window.hottest).toBeLessThanOrEqual(perItem);
  });
});

describe('a hot subject under a per-item write limit of 20 a window', () => {
  const burst = async (shards: number | undefined) => {
    const owner = await createTestOwner(uniqueName('owner'), 'unlimited');
    const metric = uniqueName('m').replaceAll('-', '_');
    await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric, limit: 1_000, window: 'day', ...(shards && { shards }) });
    throttle.nextWindow();
    const replies = await parallel(60, () => api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 'hot', metric, cost: 1 }));
    const usage = await api.call(owner.useKey, 'GET', `/v1/usage?subject=hot&metric=${metric}`);
    return {
      ok: replies.filter(({ status }) => status === 200).length,
      unavailable: replies.filter(({ status }) => status === 503).length,
      current: usage.body.current,
    };
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
});
