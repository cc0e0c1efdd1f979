import { beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { expectAllowedByRoute, sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { createTestOwner, getJson, type TestOwner, useLocalApi } from '../helpers.ts';

/**
 * Sequential DynamoDB round trips and consumed capacity per quota request in steady state (key,
 * plan and metric configuration cached), through the real handler and DynamoDB Local. A round trip
 * is a wave of requests sent together: a request that starts after another ended waits for it.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();
let owner: TestOwner;

beforeAll(async () => {
  // Pinned for the whole file: "steady state" means warm 5 s caches, however slow the runner is.
  testClock.pin(testClock.at(60_000));
  owner = await createTestOwner('round-trips', 'bulk');
  await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'api_calls', limit: 1_000_000, window: 'day' });
});

const sender = (method: string, path: string, body?: unknown, headersOf: (call: number) => Record<string, string> = () => ({})) => {
  let call = 0;
  return () =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${owner.useKey}`, 'content-type': 'application/json', ...headersOf(call++) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
};

/** One request's DynamoDB round trips, commands and consumed capacity. */
const measureOne = async (routeId: string, send: () => Promise<Response>) => {
  const { result, calls } = await dynamodb.during(() => getJson(send()));
  expectAllowedByRoute(routeId, calls);
  return {
    status: result.status,
    answer: result.body,
    rounds: sequentialRoundTrips(calls),
    commands: calls.map(({ command }) => command).sort(),
    readUnits: calls.reduce((sum, { capacity }) => sum + capacity.read, 0),
    writeUnits: calls.reduce((sum, { capacity }) => sum + capacity.write, 0),
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

describe('configuration writes (no exact inverse): the plan counted in the write\'s own transaction', () => {
  /** One admin request's round trips and commands, its key and plan already cached. */
  const measureAdmin = async (adminKey: string, routeId: string, method: string, path: string, body?: unknown) => {
    const { result, calls } = await dynamodb.during(() =>
      getJson(api.fetch(path, { method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })),
    );
    expectAllowedByRoute(routeId, calls);
    return { status: result.status, rounds: sequentialRoundTrips(calls), commands: calls.map(({ command }) => command).sort() };
  };

  const routesOf = (metric: string) =>
    [
      ['metrics-create', 'POST', '/v1/metrics', { metric, limit: 10, window: 'day' }],
      ['metrics-update', 'PATCH', `/v1/metrics/${metric}`, { limit: 20 }],
      ['overrides-put', 'PUT', `/v1/metrics/${metric}/overrides/s_1`, { limit: 5 }],
      ['overrides-delete', 'DELETE', `/v1/metrics/${metric}/overrides/s_1`, undefined],
      ['metrics-delete', 'DELETE', `/v1/metrics/${metric}`, undefined],
    ] as const;

  const measureAll = async (adminKey: string, metric: string) => {
    await api.call(adminKey, 'GET', '/v1/metrics'); // key and plan cached
    const results: Record<string, Awaited<ReturnType<typeof measureAdmin>>> = {};
    for (const [routeId, method, path, body] of routesOf(metric)) results[routeId] = await measureAdmin(adminKey, routeId, method, path, body);
    return results;
  };

  it('an owner with caps: each write and its count are one TransactWriteItems; only the routes\' own reads and follow-ups add round trips', async () => {
    const results = await measureAll(owner.adminKey, 'rt_capped');
    console.info('configuration writes, capped owner:', results);
    expect(results).toEqual({
      'metrics-create': { status: 201, rounds: 1, commands: ['TransactWriteItemsCommand'] },
      // A transaction returns no item: the changed metric is read after it.
      'metrics-update': { status: 200, rounds: 2, commands: ['GetItemCommand', 'TransactWriteItemsCommand'] },
      // The override's createdAt is read first, as without caps.
      'overrides-put': { status: 200, rounds: 2, commands: ['GetItemCommand', 'TransactWriteItemsCommand'] },
      'overrides-delete': { status: 200, rounds: 1, commands: ['TransactWriteItemsCommand'] },
      // Then the metric's overrides are looked for, as without caps.
      'metrics-delete': { status: 200, rounds: 2, commands: ['QueryCommand', 'TransactWriteItemsCommand'] },
    });
  });

  it('an owner without caps: each write alone, no account item', async () => {
    const uncapped = await createTestOwner('round-trips-uncapped', 'unlimited');
    const results = await measureAll(uncapped.adminKey, 'rt_uncapped');
    expect(results).toEqual({
      'metrics-create': { status: 201, rounds: 1, commands: ['PutItemCommand'] },
      'metrics-update': { status: 200, rounds: 1, commands: ['UpdateItemCommand'] },
      'overrides-put': { status: 200, rounds: 2, commands: ['GetItemCommand', 'TransactWriteItemsCommand'] },
      'overrides-delete': { status: 200, rounds: 1, commands: ['DeleteItemCommand'] },
      'metrics-delete': { status: 200, rounds: 2, commands: ['DeleteItemCommand', 'QueryCommand'] },
    });
  });
});

