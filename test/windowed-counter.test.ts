import { describe, expect, it } from 'vitest';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lambdas/shared/dynamodb.ts';
import { tableName } from '../lambdas/shared/table.ts';
import { windowKey } from '../lambdas/shared/keys.ts';
import { consumeUpdate, secondsUntilEnd, windowAt } from '../lambdas/shared/windowed-counter.ts';
import { parallel } from './helpers.ts';

describe('windowAt', () => {
  it('cuts days at 00:00 UTC: 23:59:59.999 is the old day, 00:00:00 the new one', () => {
    const lastMs = Date.UTC(2026, 10, 22, 23, 59, 59, 999);
    expect(windowAt('day', lastMs)).toEqual({ kind: 'day', startMs: Date.UTC(2026, 10, 22), endMs: Date.UTC(2026, 10, 23) });
    expect(windowAt('day', lastMs + 1).startMs).toBe(Date.UTC(2026, 10, 23));
  });

  it('cuts months on the 1st, across year ends and leap Februaries', () => {
    expect(windowAt('month', Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toEqual({
      kind: 'month',
      startMs: Date.UTC(2026, 11, 1),
      endMs: Date.UTC(2027, 0, 1),
    });
    expect(windowAt('month', Date.UTC(2028, 1, 29, 12)).endMs).toBe(Date.UTC(2028, 2, 1));
  });

  it('aligns seconds, minutes and hours, and never ends a lifetime', () => {
    const nowMs = Date.UTC(2026, 10, 22, 10, 41, 7, 500);
    expect(windowAt('second', nowMs).startMs).toBe(Date.UTC(2026, 10, 22, 10, 41, 7));
    expect(windowAt('minute', nowMs).startMs).toBe(Date.UTC(2026, 10, 22, 10, 41));
    expect(windowAt('hour', nowMs).endMs).toBe(Date.UTC(2026, 10, 22, 11));
    expect(windowAt('lifetime', nowMs)).toEqual({ kind: 'lifetime', startMs: 0, endMs: Infinity });
    expect(secondsUntilEnd(windowAt('minute', nowMs), nowMs)).toBe(53);
  });
});

describe('consumeUpdate against DynamoDB Local', () => {
  const consume = (counterKey: string, nowMs: number, cost: number, limit: number) =>
    documentClient
      .send(new UpdateCommand(consumeUpdate({ tableName: tableName(), counterKey, window: windowAt('minute', nowMs), cost, limit })))
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof ConditionalCheckFailedException) return false;
          throw error;
        },
      );

  it('admits exactly the limit under concurrency and consumes nothing for refusals', async () => {
    const nowMs = Date.UTC(2026, 10, 22, 9, 30, 10);
    const outcomes = await parallel(50, () => consume('test#concurrent', nowMs, 3, 100));
    expect(outcomes.filter(Boolean)).toHaveLength(33);
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: windowKey('test#concurrent', windowAt('minute', nowMs)), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ count: 99, expiresAt: Date.UTC(2026, 10, 22, 9, 31) / 1000 + 60 });
  });

  it('admits up to the limit exactly, not one less', async () => {
    const nowMs = Date.UTC(2026, 10, 22, 9, 35);
    const outcomes = await parallel(30, () => consume('test#boundary', nowMs, 1, 20));
    expect(outcomes.filter(Boolean)).toHaveLength(20);
  });

  it('starts every window from zero', async () => {
    const nowMs = Date.UTC(2026, 10, 22, 9, 40, 59, 999);
    expect(await consume('test#windows', nowMs, 5, 5)).toBe(true);
    expect(await consume('test#windows', nowMs, 1, 5)).toBe(false);
    expect(await consume('test#windows', nowMs + 1, 5, 5)).toBe(true);
  });

  it('refuses to build an update whose cost can never fit', () => {
    expect(() => consumeUpdate({ tableName: 't', counterKey: 'k', window: windowAt('day', 0), cost: 6, limit: 5 })).toThrow(RangeError);
  });
});
