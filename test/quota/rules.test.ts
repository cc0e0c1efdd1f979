import { describe, expect, it } from 'vitest';
import { accountShards, capSlice, maxAccountShards, type Plan, planSchema } from '../../lambdas/shared/plans.ts';
import { accountItems, accountUpdates, monthItemLifetimeSeconds, ownerDenialOf } from '../../lambdas/quota/account-counters.ts';
import { effectiveLimit, type Metric, type Override } from '../../lambdas/quota/config-store.ts';
import { consumeSubject, consumeSubjectIfUnchanged, giveBackSubject } from '../../lambdas/quota/subject-counter.ts';

/** The quota's pure rules, without DynamoDB: which limit applies, which cap denies first, and which items a decision writes. */

const metric = (changes: Partial<Metric> = {}): Metric => ({ metric: 'api_calls', limit: 100, window: 'day', createdAt: 0, updatedAt: 0, ...changes });
const override = (changes: Partial<Override> = {}): Override => ({ metric: 'api_calls', subject: 'user_1', limit: 500, createdAt: 0, updatedAt: 0, ...changes });

describe('effectiveLimit', () => {
  it("applies the metric's default limit and window when the subject has no override", () => {
    // Prepare
    const config = { metric: metric() };
    // Act
    const limit = effectiveLimit(config);
    // Assess
    expect(limit).toEqual({ limit: 100, window: 'day', shards: 1 });
  });

  it("prefers the subject's override, in the metric's window unless the override names its own", () => {
    // Prepare
    const inherited = { metric: metric(), override: override() };
    const ownWindow = { metric: metric(), override: override({ limit: 5, window: 'minute' }) };
    // Act
    const [inheritedLimit, ownWindowLimit] = [effectiveLimit(inherited), effectiveLimit(ownWindow)];
    // Assess
    expect(inheritedLimit).toEqual({ limit: 500, window: 'day', shards: 1 });
    expect(ownWindowLimit).toEqual({ limit: 5, window: 'minute', shards: 1 });
  });

  it("splits an override's limit over the metric's shards, as the metric's own", () => {
    // Prepare
    const hot = { metric: metric({ shards: 8 }), override: override({ limit: 5 }) };
    // Act
    const limit = effectiveLimit(hot);
    // Assess
    expect(limit).toEqual({ limit: 5, window: 'day', shards: 8 });
  });

  it('applies an override below the default too: lower limits are overrides like higher ones', () => {
    // Prepare
    const config = { metric: metric(), override: override({ limit: 3 }) };
    // Act
    const limit = effectiveLimit(config);
    // Assess
    expect(limit).toEqual({ limit: 3, window: 'day', shards: 1 });
  });

  it('has no limit for an unlimited override, even of a metric with a default limit', () => {
    // Prepare
    const config = { metric: metric(), override: override({ limit: 'unlimited' }) };
    // Act
    const limit = effectiveLimit(config);
    // Assess
    expect(limit).toBeNull();
  });

  it('has no limit without a metric, or for a metric without a default limit', () => {
    // Prepare
    const configs = [{}, { metric: metric({ limit: null }) }];
    // Act
    const limits = configs.map(effectiveLimit);
    // Assess
    expect(limits).toEqual([null, null]);
  });

  it('gives an override of a metric that is gone a lifetime window', () => {
    // Prepare
    const config = { override: override({ limit: 7 }) };
    // Act
    const limit = effectiveLimit(config);
    // Assess
    expect(limit).toEqual({ limit: 7, window: 'lifetime', shards: 1 });
  });
});

describe('ownerDenialOf', () => {
  const plan: Plan = { monthlyRequests: 10, requestsPerMinute: 5, requestsPerSecond: 2, apiKeys: 1, overages: false };
  const second = 's7';

  it('names the burst first, then the minute, then the month, when several caps are reached at once', () => {
    // Prepare
    const full = { rateItem: { count: 5, [second]: 2 }, monthItem: { count: 10 }, second };
    const minuteAndMonth = { rateItem: { count: 5, [second]: 1 }, monthItem: { count: 10 }, second };
    const monthOnly = { rateItem: { count: 4, [second]: 1 }, monthItem: { count: 10 }, second };
    // Act
    const denials = [full, minuteAndMonth, monthOnly].map((items) => ownerDenialOf(plan, items));
    // Assess
    expect(denials).toEqual(['owner_rate_limit_exceeded_second', 'owner_rate_limit_exceeded', 'owner_monthly_limit_exceeded']);
  });

  it("reads only this second's attribute of the rate item: a busy earlier second does not deny", () => {
    // Prepare
    const items = { rateItem: { count: 3, s6: 2, [second]: 1 }, monthItem: { count: 3 }, second };
    // Act
    const denial = ownerDenialOf(plan, items);
    // Assess
    expect(denial).toBeUndefined();
  });

  it('never denies by the month on a plan with overages, but still by the second and the minute', () => {
    // Prepare
    const overages = { ...plan, overages: true };
    // Act
    const [month, minute] = [
      ownerDenialOf(overages, { rateItem: { count: 1, [second]: 1 }, monthItem: { count: 1_000 }, second }),
      ownerDenialOf(overages, { rateItem: { count: 5, [second]: 1 }, monthItem: { count: 1_000 }, second }),
    ];
    // Assess
    expect(month).toBeUndefined();
    expect(minute).toBe('owner_rate_limit_exceeded');
  });

  it('denies nothing when the items the refusal returned are missing or below every cap', () => {
    // Prepare
    const missing = { second };
    // Act
    const denial = ownerDenialOf(plan, missing);
    // Assess
    expect(denial).toBeUndefined();
  });
});

const nowMs = Date.UTC(2026, 10, 22, 10, 41, 7, 500);
const context = { tableName: 'incr', nowMs };
const endSeconds = (utcMs: number) => utcMs / 1000;

describe("the subject's window items", () => {
  const ref = { ownerId: 'own_1', metric: 'api_calls', subject: 'user_1' };
  const cases: { window: 'minute' | 'hour' | 'day' | 'month'; startMs: number; endMs: number }[] = [
    { window: 'minute', startMs: Date.UTC(2026, 10, 22, 10, 41), endMs: Date.UTC(2026, 10, 22, 10, 42) },
    { window: 'hour', startMs: Date.UTC(2026, 10, 22, 10), endMs: Date.UTC(2026, 10, 22, 11) },
    { window: 'day', startMs: Date.UTC(2026, 10, 22), endMs: Date.UTC(2026, 10, 23) },
    { window: 'month', startMs: Date.UTC(2026, 10, 1), endMs: Date.UTC(2026, 11, 1) },
  ];

  it.each(cases)('keys a $window item by its start and expires it a minute after its end', ({ window, startMs, endMs }) => {
    // Prepare
    const counter = { ...ref, limit: { limit: 10, window, shards: 1 }, shard: 0 };
    // Act
    const updates = [consumeSubject(context, { ...counter, cost: 2 }), consumeSubjectIfUnchanged(context, { ...counter, used: 3, cost: 2 })];
    // Assess
    for (const update of updates) {
      expect(update.Key).toEqual({ pk: 'quota#own_1#api_calls#user_1', sk: `window#${window}#${startMs}` });
      expect(update.ExpressionAttributeValues[':expiresAt']).toBe(endSeconds(endMs) + 60);
      expect(update.UpdateExpression).toMatch(/SET .*#expiresAt = if_not_exists\(#expiresAt, :expiresAt\)$/);
    }
  });

  it('keys a lifetime item by the epoch and never expires it', () => {
    // Prepare
    const counter = { ...ref, limit: { limit: 10, window: 'lifetime' as const, shards: 1 }, shard: 0 };
    // Act
    const [consume, ifUnchanged] = [consumeSubject(context, { ...counter, cost: 2 }), consumeSubjectIfUnchanged(context, { ...counter, used: 0, cost: 2 })];
    // Assess
    expect(consume.Key).toEqual({ pk: 'quota#own_1#api_calls#user_1', sk: 'window#lifetime#0' });
    expect(consume).toMatchObject({ UpdateExpression: 'ADD #count :cost', ExpressionAttributeNames: { '#count': 'count' } });
    expect(ifUnchanged).toMatchObject({ UpdateExpression: 'SET #count = :next', ConditionExpression: 'attribute_not_exists(#count) OR #count = :used' });
    expect(ifUnchanged.ExpressionAttributeNames).not.toHaveProperty('#expiresAt');
  });

  it("keys a hot subject's shards apart from every other subject's item", () => {
    // Prepare
    const hot = { ...ref, limit: { limit: 10, window: 'day' as const, shards: 4 }, cost: 1 };
    // Act
    const [first, third, lookalike] = [consumeSubject(context, { ...hot, shard: 0 }), consumeSubject(context, { ...hot, shard: 3 }), consumeSubject(context, { ...hot, subject: 's3#user_1', shard: 0 })];
    // Assess
    expect(first.Key.pk).toBe('quota#own_1#api_calls#user_1');
    expect(third.Key.pk).toBe('quota#own_1#api_calls%s3#user_1');
    expect(lookalike.Key.pk).toBe('quota#own_1#api_calls#s3#user_1');
    expect(third.ExpressionAttributeValues[':headroom']).toBe(2 - 1);
  });

  it('gives a consumption back on the item it was taken from, without touching its expiry', () => {
    // Prepare
    const counter = { ...ref, limit: { limit: 10, window: 'day' as const, shards: 1 }, shard: 0, cost: 4 };
    // Act
    const [consume, giveBack] = [consumeSubject(context, counter), giveBackSubject(context, counter)];
    // Assess
    expect(giveBack.Key).toEqual(consume.Key);
    expect(giveBack).toMatchObject({ UpdateExpression: 'ADD #count :giveBack', ExpressionAttributeValues: { ':giveBack': -4 } });
  });
});

describe("the account's items", () => {
  const plan: Plan = { monthlyRequests: 10, requestsPerMinute: 5, requestsPerSecond: 2, apiKeys: 1, overages: false };

  it("keys the rate item by its minute, with this second's attribute, and expires it a minute after the minute", () => {
    // Prepare
    const minuteStartMs = Date.UTC(2026, 10, 22, 10, 41);
    // Act
    const { rate } = accountItems('own_1', nowMs);
    // Assess
    expect(rate.Key).toEqual({ pk: 'account#own_1#rate', sk: `window#minute#${minuteStartMs}` });
    expect(rate.second).toBe('s7');
    expect(rate.expiry.values).toEqual({ ':expiresAt': endSeconds(Date.UTC(2026, 10, 22, 10, 42)) + 60 });
  });

  it('keys the month item by its month and keeps it a year past the month', () => {
    // Act
    const { month } = accountItems('own_1', nowMs);
    // Assess
    expect(month.Key).toEqual({ pk: 'account#own_1#month', sk: `window#month#${Date.UTC(2026, 10, 1)}` });
    expect(month.expiry.values).toEqual({ ':expiresAt': endSeconds(Date.UTC(2026, 11, 1)) + monthItemLifetimeSeconds });
  });

  it('counts the minute and the second in one write, enforcing the caps only when asked', () => {
    // Act
    const [enforced, counted] = [accountUpdates(context, { ownerId: 'own_1', plan, enforce: true }), accountUpdates(context, { ownerId: 'own_1', plan, enforce: false })];
    // Assess
    expect(enforced.rate?.UpdateExpression).toBe('ADD #count :one, #second :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)');
    expect(enforced.rate).toMatchObject({
      ConditionExpression: '(attribute_not_exists(#count) OR #count < :minuteCap) AND (attribute_not_exists(#second) OR #second < :secondCap)',
    });
    expect(enforced.rate?.ExpressionAttributeNames).toMatchObject({ '#second': 's7' });
    expect(enforced.rate?.ExpressionAttributeValues).toMatchObject({ ':minuteCap': 5, ':secondCap': 2 });
    expect(enforced.month).toMatchObject({ ConditionExpression: '(attribute_not_exists(#count) OR #count < :monthCap)', ExpressionAttributeValues: { ':monthCap': 10 } });
    expect(counted.rate).not.toHaveProperty('ConditionExpression');
    expect(counted.month).not.toHaveProperty('ConditionExpression');
    expect(Object.keys(counted.rate!.ExpressionAttributeValues)).toEqual([':one', ':expiresAt']);
  });

  it('never enforces the month of a plan with overages', () => {
    // Act
    const { rate, month } = accountUpdates(context, { ownerId: 'own_1', plan: { ...plan, overages: true }, enforce: true });
    // Assess
    expect(rate).toHaveProperty('ConditionExpression');
    expect(month).not.toHaveProperty('ConditionExpression');
    expect(month?.ExpressionAttributeValues).not.toHaveProperty(':monthCap');
  });

  it('writes only the items whose caps the plan sets, and nothing for a plan without caps', () => {
    // Prepare
    const { apiKeys, overages } = plan;
    // Act
    const burstOnly = accountUpdates(context, { ownerId: 'own_1', plan: { apiKeys, overages, requestsPerSecond: 2 }, enforce: true });
    const monthOnly = accountUpdates(context, { ownerId: 'own_1', plan: { apiKeys, overages, monthlyRequests: 10, shards: 1 }, enforce: true });
    const uncapped = accountUpdates(context, { ownerId: 'own_1', plan: { apiKeys, overages }, enforce: true });
    // Assess
    expect(burstOnly.rate).toMatchObject({ ConditionExpression: '(attribute_not_exists(#second) OR #second < :secondCap)' });
    expect(burstOnly.rate?.ExpressionAttributeValues).not.toHaveProperty(':minuteCap');
    expect(burstOnly.month).toBeUndefined();
    expect(monthOnly.rate).toBeUndefined();
    expect(monthOnly.month).toMatchObject({ ExpressionAttributeValues: { ':monthCap': 10 } });
    expect(uncapped).toEqual({ rate: undefined, month: undefined });
  });
});

describe("the account's shards", () => {
  const caps = { apiKeys: 1 as const, overages: false };

  it('derives enough shards for the busiest second the caps allow, at most one per request of the smallest cap', () => {
    // Prepare
    const plans: Plan[] = [
      { ...caps, requestsPerSecond: 100, requestsPerMinute: 1_000, monthlyRequests: 1_000_000 },
      { ...caps, requestsPerSecond: 10_000, requestsPerMinute: 600_000, monthlyRequests: 1_000_000_000 },
      { ...caps, requestsPerMinute: 3_000 },
      { ...caps, monthlyRequests: 10 },
      { ...caps, monthlyRequests: 1_000_000 },
      { ...caps },
      { ...caps, requestsPerSecond: 10_000, shards: 3 },
    ];
    // Act
    const shards = plans.map(accountShards);
    // Assess
    expect(shards).toEqual([1, 20, 6, 10, maxAccountShards, 1, 3]);
  });

  it('splits every cap into slices that differ by at most one and sum to the cap exactly', () => {
    // Prepare
    const cases = [
      [10_000, 20],
      [7, 3],
      [5, 5],
      [1_000_003, 64],
    ] as const;
    // Act
    const slices = cases.map(([cap, shards]) => Array.from({ length: shards }, (_, index) => capSlice(cap, shards, index)));
    // Assess
    slices.forEach((slice, index) => {
      expect(slice.reduce((sum, part) => sum + part, 0)).toBe(cases[index]![0]);
      expect(Math.max(...slice) - Math.min(...slice)).toBeLessThanOrEqual(1);
    });
  });

  it("conditions each shard's write on its own slices", () => {
    // Prepare
    const plan: Plan = { ...caps, requestsPerSecond: 7, requestsPerMinute: 70, monthlyRequests: 701, shards: 3 };
    // Act
    const [first, last] = [0, 2].map((shard) => accountUpdates(context, { ownerId: 'own_1', plan, enforce: true, shards: { rate: shard, month: shard } }));
    // Assess
    expect(first!.rate?.Key.pk).toBe('account#own_1#rate');
    expect(last!.rate?.Key.pk).toBe('account#own_1#rate#2');
    expect(last!.month?.Key.pk).toBe('account#own_1#month#2');
    expect(first!.rate?.ExpressionAttributeValues).toMatchObject({ ':secondCap': 3, ':minuteCap': 24 });
    expect(last!.rate?.ExpressionAttributeValues).toMatchObject({ ':secondCap': 2, ':minuteCap': 23 });
    expect(first!.month?.ExpressionAttributeValues).toMatchObject({ ':monthCap': 234 });
    expect(last!.month?.ExpressionAttributeValues).toMatchObject({ ':monthCap': 233 });
  });

  it('refuses a plan with more shards than its smallest cap, or more than a read of them all can take', () => {
    // Act
    const results = [
      planSchema.safeParse({ ...caps, requestsPerSecond: 2, requestsPerMinute: 100, shards: 3 }),
      planSchema.safeParse({ ...caps, monthlyRequests: 1_000, shards: maxAccountShards + 1 }),
      planSchema.safeParse({ ...caps, requestsPerSecond: 2, shards: 2 }),
    ];
    // Assess
    expect(results.map(({ success }) => success)).toEqual([false, false, true]);
  });
});
