import './plans.ts'; // sets INCR_PLANS before any quota module loads
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { routes } from '../../lib/routes.ts';
import { testClock } from '../clock.ts';
import { createTestOwner, type TestOwner, useLocalApi } from '../helpers.ts';

/**
 * Sequential DynamoDB round trips and consumed capacity per quota request in steady state (key,
 * plan and metric configuration cached), through the real handler and DynamoDB Local. A round trip
 * is a wave of requests sent together: a new wave starts when a request starts after one ended.
 */
const api = useLocalApi();
interface Event {
  phase: 'start' | 'end';
  command: string;
  capacity?: { read: number; write: number };
  transactionOperations?: string[];
}
const events: Event[] = [];
let owner: TestOwner;

const readCommands = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand']);
const capacityOf = (command: string, output: { ConsumedCapacity?: unknown }) => {
  const consumed = ([] as { CapacityUnits?: number }[]).concat((output.ConsumedCapacity as never) ?? []);
  const units = consumed.reduce((sum, item) => sum + (item.CapacityUnits ?? 0), 0);
  return readCommands.has(command) ? { read: units, write: 0 } : { read: 0, write: units };
};

beforeAll(async () => {
  // Pinned for the whole file: "steady state" means warm 5 s caches, however slow the runner is.
  testClock.pin(testClock.at(60_000));
  owner = await createTestOwner('round-trips', 'bulk');
  await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'api_calls', limit: 1_000_000, window: 'day' });
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName as string;
      const transactItems = (args.input as { TransactItems?: Record<string, unknown>[] }).TransactItems;
      events.push({ phase: 'start', command });
      const transactionOperations = transactItems?.flatMap((item) => Object.keys(item).map((operation) => transactionActions[operation]!));
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      try {
        const result = await next(args);
        events.push({ phase: 'end', command, transactionOperations, capacity: capacityOf(command, result.output as { ConsumedCapacity?: unknown }) });
        return result;
      } catch (error) {
        events.push({ phase: 'end', command, capacity: capacityOf(command, error as { ConsumedCapacity?: unknown }) });
        throw error;
      }
    },
    { step: 'initialize', name: 'quotaRoundTrips' },
  );
});
afterAll(() => {
  documentClient.middlewareStack.remove('quotaRoundTrips');
});

const transactionActions: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', ConditionCheck: 'ConditionCheckItem' };

const sender = (method: string, path: string, body?: unknown, headersOf: (call: number) => Record<string, string> = () => ({})) => {
  let call = 0;
  return () =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${owner.useKey}`, 'content-type': 'application/json', ...headersOf(call++) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
};

/** One request's DynamoDB waves, commands and consumed capacity. */
const measureOne = async (routeId: string, send: () => Promise<Response>) => {
  events.length = 0;
  const response = await send();
  const answer = await response.json();
  let rounds = 0;
  let endedSinceWave = true;
  for (const event of events) {
    if (event.phase === 'start' && endedSinceWave) {
      rounds++;
      endedSinceWave = false;
    }
    if (event.phase === 'end') endedSinceWave = true;
  }
  const ends = events.filter((event) => event.phase === 'end');
  const route = routes.find(({ id }) => id === routeId)!;
  for (const event of ends) {
    const actions = event.command === 'TransactWriteItemsCommand' ? event.transactionOperations! : [event.command.replace(/Command$/, '')];
    expect(route.tableActions).toEqual(expect.arrayContaining(actions));
  }
  return {
    status: response.status,
    answer,
    rounds,
    commands: ends.map((event) => event.command).sort(),
    readUnits: ends.reduce((sum, event) => sum + (event.capacity?.read ?? 0), 0),
    writeUnits: ends.reduce((sum, event) => sum + (event.capacity?.write ?? 0), 0),
  };
};

/** Sends the request twice (the first warms the caches) and measures the second. */
const measure = async (routeId: string, method: string, path: string, body?: unknown, headersOf?: (call: number) => Record<string, string>) => {
  const send = sender(method, path, body, headersOf);
  await (await send()).arrayBuffer(); // warm: key, plan and metric configuration now cached
  return measureOne(routeId, send);
};

describe('quota round trips in steady state', () => {
  it('an allowed check-consume without Idempotency-Key is one round trip: three conditional updates in parallel', async () => {
    const result = await measure('quota-check-consume', 'POST', '/v1/check-consume', { subject: 'rt_1', metric: 'api_calls', cost: 1 });
    console.info('check-consume, allowed:', result);
    expect(result).toMatchObject({ status: 200, answer: { allowed: true }, rounds: 1, writeUnits: 3, readUnits: 0 });
    expect(result.commands).toEqual(['UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand']);
  });

  it('with an Idempotency-Key: a read wave, then one transaction', async () => {
    const result = await measure('quota-check-consume', 'POST', '/v1/check-consume', { subject: 'rt_2', metric: 'api_calls', cost: 1 }, (call) => ({
      'idempotency-key': `fresh-${call}`,
    }));
    console.info('check-consume with Idempotency-Key:', result);
    expect(result).toMatchObject({ status: 200, answer: { allowed: true }, rounds: 2, commands: ['GetItemCommand', 'GetItemCommand', 'TransactWriteItemsCommand'] });
  });

  it('a replayed decision is one read and writes nothing', async () => {
    const result = await measure('quota-check-consume', 'POST', '/v1/check-consume', { subject: 'rt_3', metric: 'api_calls', cost: 1 }, () => ({
      'idempotency-key': 'replayed',
    }));
    console.info('check-consume replay:', result);
    expect(result).toMatchObject({ status: 200, rounds: 1, writeUnits: 0, commands: ['GetItemCommand', 'GetItemCommand'] });
  });

  it('usage is one round trip: the account count and the subject read in parallel', async () => {
    const result = await measure('quota-usage', 'GET', '/v1/usage?subject=rt_1&metric=api_calls');
    console.info('usage:', result);
    expect(result).toMatchObject({ status: 200, rounds: 1, commands: ['GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand'] });
  });
});

describe('quota round trips of a cold configuration', () => {
  it("a cold decision reads the metric and the subject's override by key, in one wave, however many overrides the metric has", async () => {
    const overridesOf = { sparse: 1, crowded: 300 };
    for (const [metric, count] of Object.entries(overridesOf)) {
      await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric, limit: 1_000_000, window: 'day' });
      for (let start = 0; start < count; start += 25) {
        const subjects = Array.from({ length: Math.min(25, count - start) }, (_, index) => `s_${start + index}`);
        await Promise.all(subjects.map((subject) => api.call(owner.adminKey, 'PUT', `/v1/metrics/${metric}/overrides/${subject}`, { limit: 5 })));
      }
    }
    await (await sender('GET', '/v1/usage?subject=warm&metric=api_calls')()).arrayBuffer(); // key and plan cached: only the configuration is cold
    const cold = async (metric: string, subject: string) => {
      const result = await measureOne('quota-check-consume', sender('POST', '/v1/check-consume', { subject, metric, cost: 1 }));
      console.info(`cold check-consume, ${overridesOf[metric as keyof typeof overridesOf]} overrides, ${subject}:`, result);
      return result;
    };
    const results = [await cold('sparse', 's_0'), await cold('crowded', 's_7'), await cold('crowded', 'no_override')];
    expect(results.map(({ answer }) => answer)).toEqual([
      { allowed: true, remaining: 4, reason: null },
      { allowed: true, remaining: 4, reason: null },
      { allowed: true, remaining: 999_999, reason: null },
    ]);
    for (const result of results.slice(0, 2)) {
      expect(result).toMatchObject({ status: 200, rounds: 2, commands: ['GetItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand'] });
    }
    expect(new Set(results.slice(0, 2).map(({ readUnits }) => readUnits)).size).toBe(1); // the same reads with 1 or 300 overrides
    // The metric is cached now: a new subject of it reads only its own override.
    expect(results[2]).toMatchObject({ rounds: 2, commands: ['GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand'] });
  });
});
