import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { testClock } from '../clock.ts';
import { sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { bearer, createTestOwner, getText, parallel, type TestOwner, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * The owner's plan caps on the keyed routes: counted by the edge in the same round trip as the
 * route's own request, refused with the family's 429, and a refused change taken back.
 */
// Before the function modules load, as the stack gives the routes that read plans: the deployer's default plan.
vi.hoisted(() => {
  process.env.INCR_DEFAULT_PLAN = 'unlimited';
});
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();
afterAll(() => {
  testClock.reset();
  delete process.env.INCR_DEFAULT_PLAN;
});

/** 300 ms into a second: 8 requests at this instant share one second of the rate item. */
const pinSecond = (second: number) => testClock.pin(Date.UTC(2030, 10, 22, 12, 0, second, 300));

const accountItemsOf = async (ownerId: string) => {
  const { Items = [] } = await documentClient.send(
    new ScanCommand({ TableName: tableName(), FilterExpression: 'begins_with(pk, :account)', ExpressionAttributeValues: { ':account': `account#${ownerId}#` } }),
  );
  return Items;
};

describe('an owner on the free plan (5 requests per second)', () => {
  it('gets 5 of 8 counter increments in one second, and 3 × 429 with Retry-After; the counter ends at 5', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    const key = uniqueName();
    pinSecond(7);
    // Act
    const answers = await parallel(8, () => api.call(owner.useKey, 'POST', `/v1/counters/${key}/increment`, { by: 1 }));
    pinSecond(8);
    const counter = await api.call(owner.useKey, 'GET', `/v1/counters/${key}`);
    const account = await api.call(owner.adminKey, 'GET', '/v1/account');
    // Assess
    expect(answers.filter(({ status }) => status === 200)).toHaveLength(5);
    const refused = answers.filter(({ status }) => status === 429);
    expect(refused).toHaveLength(3);
    for (const { body, headers } of refused) {
      expect(body).toMatchObject({ error: { code: 'owner_rate_limit_exceeded_second' } });
      expect(headers.get('retry-after')).toBe('1');
    }
    expect(counter.body).toEqual({ key, value: 5 });
    // 8 increments and the read; the account view itself is not counted.
    expect(account.body).toMatchObject({ month: { requests: 9, cap: 2_000, remaining: 1_991 } });
  });

  it('the namespace counter: 5 of 8 in its own 429 shape, and the namespace ends at 5', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    const namespace = uniqueName('ns');
    pinSecond(17);
    // Act
    const answers = await parallel(8, () => api.call(owner.useKey, 'POST', `/v1/misc/counter/${namespace}`));
    pinSecond(18);
    const counter = await api.call(owner.useKey, 'GET', `/v1/misc/counter/${namespace}`);
    // Assess
    const refused = answers.filter(({ status }) => status === 429);
    expect(refused).toHaveLength(3);
    for (const { body, headers } of refused) {
      expect(body).toEqual({ error: 'owner_rate_limit_exceeded_second', message: expect.any(String) });
      expect(headers.get('retry-after')).toBe('1');
    }
    expect(counter.body).toEqual({ namespace, value: 5 });
  });

  it('an admin route: 5 of 8 metric listings, and /v1/account counts them', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    pinSecond(27);
    // Act
    const answers = await parallel(8, () => api.call(owner.adminKey, 'GET', '/v1/metrics'));
    const account = await api.call(owner.adminKey, 'GET', '/v1/account');
    // Assess
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(answers.find(({ status }) => status === 429)?.body).toMatchObject({ error: { code: 'owner_rate_limit_exceeded_second' } });
    expect(account.body).toMatchObject({ month: { requests: 8 } });
  });

  it('never makes a refused write that has no inverse: set-if-not-exists over the cap sets nothing', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    const key = uniqueName();
    pinSecond(37);
    await parallel(5, () => api.call(owner.useKey, 'GET', `/v1/counters/${key}`));
    // Act
    const refused = await api.call(owner.useKey, 'POST', `/v1/counters/${key}/set-if-not-exists`, { value: 42 });
    pinSecond(38);
    const counter = await api.call(owner.useKey, 'GET', `/v1/counters/${key}`);
    // Assess
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'owner_rate_limit_exceeded_second' } } });
    expect(counter.body).toEqual({ key, value: 0 });
  });

  it('counts an increment in the same round trip as the counter: one wave of three UpdateItems', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    const key = uniqueName();
    pinSecond(47);
    await api.call(owner.useKey, 'GET', `/v1/counters/${key}`); // key and plan cached
    // Act
    const { result, calls } = await dynamodb.during(() => getText(api.fetch(`/v1/counters/${key}/increment`, bearer(owner.useKey, { method: 'POST', body: {} }))));
    // Assess
    expect(result.status).toBe(200);
    expect(calls.map(({ command }) => command)).toEqual(['UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand']);
    expect(sequentialRoundTrips(calls)).toBe(1);
  });
});

describe('writes without an exact inverse, over a cap: counted in their own transaction, never made', () => {
  /** An owner on the free plan whose current second is spent (5 counted reads), after `prepare` ran in the second before. */
  const spentSecond = async (second: number, prepare: (owner: TestOwner) => Promise<unknown> = async () => undefined) => {
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    pinSecond(second - 1);
    await prepare(owner);
    pinSecond(second);
    await parallel(5, () => api.call(owner.useKey, 'GET', '/v1/counters/any'));
    return owner;
  };

  it.each([
    ['a counter delete leaves the counter', 'DELETE', (key: string) => `/v1/counters/${key}`, 'use', undefined,
      (owner: TestOwner, key: string) => api.call(owner.useKey, 'POST', `/v1/counters/${key}/increment`, { by: 3 }),
      async (owner: TestOwner, key: string) => expect((await api.call(owner.useKey, 'GET', `/v1/counters/${key}`)).body).toEqual({ key, value: 3 })],
    ['a key creation creates no key', 'POST', () => '/v1/keys', 'admin', { kind: 'use' }, undefined,
      async (owner: TestOwner) => expect((await api.call(owner.adminKey, 'GET', '/v1/keys')).body).toMatchObject({ keys: [expect.anything(), expect.anything()] })],
    ['a metric creation creates no metric', 'POST', () => '/v1/metrics', 'admin', { metric: 'refused_metric', limit: 5, window: 'day' }, undefined,
      async (owner: TestOwner) => expect((await api.call(owner.adminKey, 'GET', '/v1/metrics/refused_metric')).status).toBe(404)],
    ['an override deletion leaves the override', 'DELETE', () => '/v1/metrics/kept/overrides/s_1', 'admin', undefined,
      async (owner: TestOwner) => {
        await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'kept', limit: 5, window: 'day' });
        await api.call(owner.adminKey, 'PUT', '/v1/metrics/kept/overrides/s_1', { limit: 9 });
      },
      async (owner: TestOwner) => expect((await api.call(owner.adminKey, 'GET', '/v1/metrics/kept/overrides/s_1')).body).toMatchObject({ limit: 9 })],
  ] as const)('%s: 429 with the reason', async (_, method, pathOf, kind, body, prepare, expectUnchanged) => {
    // Prepare
    const key = uniqueName();
    const owner = await spentSecond(42, prepare && ((owner) => prepare(owner, key)));
    // Act
    const refused = await api.call(kind === 'use' ? owner.useKey : owner.adminKey, method, pathOf(key), body);
    pinSecond(43);
    // Assess
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'owner_rate_limit_exceeded_second' } } });
    expect(refused.headers.get('retry-after')).toBe('1');
    await expectUnchanged(owner, key);
  });

  it("a write its own condition refuses answers as without caps, and is not counted (its transaction wrote nothing)", async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    const key = uniqueName();
    const monthRequests = async () => ((await api.call(owner.adminKey, 'GET', '/v1/account')).body as { month: { requests: number } }).month.requests;
    pinSecond(51);
    await api.call(owner.useKey, 'POST', `/v1/counters/${key}/set-if-not-exists`, { value: 7 });
    const before = await monthRequests();
    // Act
    const again = await api.call(owner.useKey, 'POST', `/v1/counters/${key}/set-if-not-exists`, { value: 8 });
    const missingMetric = await api.call(owner.adminKey, 'DELETE', '/v1/metrics/never_made');
    const missingCounter = await api.call(owner.useKey, 'DELETE', `/v1/counters/${uniqueName()}`);
    const afterRefusals = await monthRequests();
    await api.call(owner.useKey, 'DELETE', `/v1/counters/${key}`);
    // Assess
    expect(before).toBe(1);
    expect(again).toMatchObject({ status: 200, body: { key, set: false } });
    expect(missingMetric).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(missingCounter).toMatchObject({ status: 200, body: { deleted: false } });
    expect(afterRefusals).toBe(1);
    expect(await monthRequests()).toBe(2);
  });

  it('8 parallel set-if-not-exists at 5 per second: exactly 5 set, 3 refused, and only the 5 exist', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('capped'), 'free');
    const keys = Array.from({ length: 8 }, () => uniqueName());
    pinSecond(33);
    // Act
    const answers = await parallel(8, (index) => api.call(owner.useKey, 'POST', `/v1/counters/${keys[index]}/set-if-not-exists`, { value: 1 }));
    pinSecond(34);
    const values = await api.call(owner.useKey, 'GET', `/v1/counters?keys=${keys.join(',')}`);
    // Assess
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body).toEqual({ key: expect.any(String), set: true });
      else expect(answer).toMatchObject({ status: 429, body: { error: { code: 'owner_rate_limit_exceeded_second' } } });
    }
    const set = keys.filter((_, index) => answers[index]!.status === 200);
    expect(set).toHaveLength(5);
    expect((values.body as { values: Record<string, number> }).values).toEqual(Object.fromEntries(keys.map((key) => [key, set.includes(key) ? 1 : 0])));
  });

  it('70 parallel metric creations on 8 shards holding 50 per second between them: exactly 50 created, full shards tried again elsewhere', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('sharded'), 'sharded');
    pinSecond(13);
    // Act
    const answers = await parallel(70, (index) => api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: `m_${index}`, limit: 1, window: 'day' }));
    testClock.pin(Date.UTC(2030, 10, 22, 12, 1, 0, 300)); // the next minute: this one's cap is spent
    const listed = await api.call(owner.adminKey, 'GET', '/v1/metrics?limit=100');
    // Assess
    for (const answer of answers) {
      if (answer.status === 201) expect(answer.body).toMatchObject({ metric: expect.stringMatching(/^m_\d+$/), limit: 1 });
      else expect(answer).toMatchObject({ status: 429, body: { error: { code: expect.stringMatching(/^owner_rate_limit_exceeded/) } } });
    }
    const created = answers.flatMap((answer, index) => (answer.status === 201 ? [`m_${index}`] : []));
    expect(created).toHaveLength(50);
    expect((listed.body as { metrics: { metric: string }[] }).metrics.map(({ metric }) => metric).sort()).toEqual(created.sort());
  });
});

describe('an owner on a plan without caps', () => {
  it('writes no account item, and each request is only its route\'s own call', async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('uncapped'), 'unlimited');
    const key = uniqueName();
    pinSecond(57);
    await api.call(owner.useKey, 'GET', `/v1/counters/${key}`);
    // Act
    const answers = await parallel(20, () => api.call(owner.useKey, 'POST', `/v1/counters/${key}/increment`, {}));
    await parallel(20, () => api.call(owner.useKey, 'POST', `/v1/misc/counter/${key}`));
    await parallel(20, () => api.call(owner.adminKey, 'GET', '/v1/metrics'));
    const { calls } = await dynamodb.during(() => getText(api.fetch(`/v1/counters/${key}/increment`, bearer(owner.useKey, { method: 'POST', body: {} }))));
    // Assess
    expect(answers.every(({ status }) => status === 200)).toBe(true);
    expect(await accountItemsOf(owner.ownerId)).toEqual([]);
    expect(calls.map(({ command }) => command)).toEqual(['UpdateItemCommand']);
  });
});

describe('an owner whose plan the deployment no longer lists', () => {
  it("is served on the deployer's default plan (incr:defaultPlan), not the table's first", async () => {
    // Prepare
    const owner = await createTestOwner(uniqueName('retired'), 'retired-plan');
    const key = uniqueName();
    pinSecond(37);
    // Act
    const answers = await parallel(8, () => api.call(owner.useKey, 'POST', `/v1/counters/${key}/increment`, {}));
    const account = await api.call(owner.adminKey, 'GET', '/v1/account');
    // Assess
    expect(answers.every(({ status }) => status === 200)).toBe(true);
    expect(account.body).toMatchObject({ plan: { name: 'unlimited', requestsPerSecond: null }, month: { requests: null } });
    expect(await accountItemsOf(owner.ownerId)).toEqual([]);
  });
});
