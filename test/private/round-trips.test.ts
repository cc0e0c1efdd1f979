import { beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { expectAllowedByRoute, sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { bearer, createTestOwner, getText, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * DynamoDB requests per private route in steady state (the caller's key already verified in this
 * container), and a check that each is allowed by the route's IAM actions in the route table.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();
let owner: Awaited<ReturnType<typeof createTestOwner>>;

beforeAll(async () => {
  // Pinned for the whole file: "steady state" means warm 5 s caches, however slow the runner is.
  testClock.pin(testClock.at(60_000));
  owner = await createTestOwner();
});

const sendRecorded = (key: string, method: string, path: string, body?: unknown) =>
  dynamodb.during(() => getText(api.fetch(path, bearer(key, { method, body }))));

const send = async (key: string, method: string, path: string, body?: unknown) => {
  const { result, calls } = await sendRecorded(key, method, path, body);
  return { status: result.status, calls: calls.map(({ command }) => command) };
};

describe('DynamoDB requests per private route', () => {
  it('verifies a key, then reads its owner\'s plan next to the route\'s own read (GetItems), then serves from the container cache', async () => {
    const key = uniqueName();
    expect(await send(owner.useKey, 'GET', `/v1/counters/${key}`)).toEqual({ status: 200, calls: ['GetItemCommand', 'GetItemCommand', 'GetItemCommand'] });
    expect(await send(owner.useKey, 'GET', `/v1/counters/${key}`)).toEqual({ status: 200, calls: ['GetItemCommand'] });
  });

  const counter = uniqueName();
  it.each([
    ['counters-increment', 'POST', `/v1/counters/${counter}/increment`, { by: 5 }, ['UpdateItemCommand']],
    ['counters-decrement', 'POST', `/v1/counters/${counter}/decrement`, { by: 1 }, ['UpdateItemCommand']],
    ['counters-decrement-if-exists', 'POST', `/v1/counters/${counter}/decrement-if-exists`, { by: 1 }, ['UpdateItemCommand']],
    ['counters-set-if-not-exists', 'POST', `/v1/counters/${counter}/set-if-not-exists`, { value: 1 }, ['PutItemCommand']],
    ['counters-get', 'GET', `/v1/counters/${counter}`, undefined, ['GetItemCommand']],
    ['counters-multi-get', 'GET', `/v1/counters?keys=${counter},other`, undefined, ['BatchGetItemCommand']],
    ['counters-delete', 'DELETE', `/v1/counters/${counter}`, undefined, ['DeleteItemCommand']],
    ['namespace-counter-increment', 'POST', `/v1/misc/counter/${counter}`, undefined, ['UpdateItemCommand']],
    ['namespace-counter-get', 'GET', `/v1/misc/counter/${counter}`, undefined, ['GetItemCommand']],
  ])('%s: %s %s -> one request, %j', async (routeId, method, path, body, expected) => {
    await send(owner.useKey, 'GET', '/v1/counters/warm-up'); // the key is verified and cached
    const { result, calls } = await sendRecorded(owner.useKey, method, path, body);
    expect({ status: result.status, calls: calls.map(({ command }) => command) }).toEqual({ status: 200, calls: expected });
    expectAllowedByRoute(routeId, calls);
  });

  it('key management: create is one transaction of two Puts, list one Query', async () => {
    await send(owner.adminKey, 'GET', '/v1/keys');
    expect(await send(owner.adminKey, 'POST', '/v1/keys', { kind: 'use' })).toEqual({ status: 201, calls: ['TransactWriteItemsCommand'] });
    expect(await send(owner.adminKey, 'GET', '/v1/keys')).toEqual({ status: 200, calls: ['QueryCommand'] });
  });
});

describe('writes without an exact inverse, for an owner with caps: the plan counted in the write\'s own transaction', () => {
  let capped: Awaited<ReturnType<typeof createTestOwner>>;
  beforeAll(async () => {
    capped = await createTestOwner(uniqueName('capped'), 'bulk');
  });

  const key = uniqueName();
  it.each([
    ['counters-set-if-not-exists', 'POST', `/v1/counters/${key}/set-if-not-exists`, { value: 1 }, 'use'],
    ['counters-delete', 'DELETE', `/v1/counters/${key}`, undefined, 'use'],
    ['keys-create', 'POST', '/v1/keys', { kind: 'use' }, 'admin'],
  ] as const)('%s: %s %s -> one TransactWriteItems: the account\'s shards and the route\'s items', async (routeId, method, path, body, kind) => {
    const callerKey = kind === 'use' ? capped.useKey : capped.adminKey;
    await send(callerKey, 'GET', kind === 'use' ? '/v1/counters/warm-up' : '/v1/keys'); // key and plan cached
    const { result, calls } = await sendRecorded(callerKey, method, path, body);
    expect(result.status).toBeLessThan(300);
    expect(calls.map(({ command }) => command)).toEqual(['TransactWriteItemsCommand']);
    expect(sequentialRoundTrips(calls)).toBe(1);
    // The minute's and the month's account shards, then the route's own items.
    expect(calls[0]!.accesses.slice(0, 2).map(({ pk }) => pk)).toEqual([expect.stringMatching(/^account#.*#rate/), expect.stringMatching(/^account#.*#month/)]);
    expectAllowedByRoute(routeId, calls);
  });

  it('keys-revoke: its own read of the key, then one transaction with the account count', async () => {
    const created = await api.call(capped.adminKey, 'POST', '/v1/keys', { kind: 'use' });
    const { result, calls } = await sendRecorded(capped.adminKey, 'DELETE', `/v1/keys/${(created.body as { keyId: string }).keyId}`);
    expect(result.status).toBe(200);
    expect(calls.map(({ command }) => command)).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    expect(sequentialRoundTrips(calls)).toBe(2);
    expectAllowedByRoute('keys-revoke', calls);
  });
});

