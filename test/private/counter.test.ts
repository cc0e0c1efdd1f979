import { describe, expect, it } from 'vitest';
import { clock } from '../../lambdas/shared/clock.ts';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { type Counter, type CounterMiddleware, DynamoDbCounter, withMiddleware } from '../../lambdas/counters/counter.ts';
import { maxMultiGetKeys } from '../../lambdas/counters/schemas.ts';

/** The Counter interface as other Lambdas use it: directly, wrapped in middleware. */
const recording = (log: string[], label: string): CounterMiddleware => (next) => ({
  ...Object.fromEntries(
    (['increment', 'decrement', 'decrementIfExists', 'setIfNotExists', 'get', 'multiGet', 'delete'] as const).map((operation) => [
      operation,
      async (...args: unknown[]) => {
        log.push(`${label}:${operation}`);
        return (next[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ),
}) as unknown as Counter;

describe('DynamoDbCounter with middleware', () => {
  it('runs middleware outermost first and keeps the results', async () => {
    const log: string[] = [];
    const counter = withMiddleware(
      new DynamoDbCounter({ client: documentClient, tableName: tableName(), keyPrefix: 'test#middleware#', now: clock.now }),
      recording(log, 'outer'),
      recording(log, 'inner'),
    );
    expect(await counter.increment('a', 4)).toBe(4);
    expect(await counter.decrementIfExists('a', 1)).toEqual({ value: 3, existed: true, success: true });
    expect(Object.fromEntries(await counter.multiGet(['a', 'b']))).toEqual({ a: 3, b: 0 });
    expect(log).toEqual(['outer:increment', 'inner:increment', 'outer:decrementIfExists', 'inner:decrementIfExists', 'outer:multiGet', 'inner:multiGet']);
  });

  it('isolates key prefixes', async () => {
    const a = new DynamoDbCounter({ client: documentClient, tableName: tableName(), keyPrefix: 'test#a#', now: clock.now });
    const b = new DynamoDbCounter({ client: documentClient, tableName: tableName(), keyPrefix: 'test#b#', now: clock.now });
    await a.increment('same', 2);
    expect(await b.get('same')).toBe(0);
  });

  it('refuses more than 100 keys in multiGet', async () => {
    const counter = new DynamoDbCounter({ client: documentClient, tableName: tableName(), keyPrefix: 'test#m#', now: clock.now });
    await expect(counter.multiGet(Array.from({ length: maxMultiGetKeys + 1 }, (_, index) => `k${index}`))).rejects.toThrow(RangeError);
  });
});
