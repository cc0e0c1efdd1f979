import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { testClock } from '../clock.ts';
import { sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { bearer, createTestOwner, getText, parallel, uniqueName, useLocalApi } from '../helpers.ts';

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
