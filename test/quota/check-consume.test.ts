import type { testPlans } from './plans.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { createTestOwner, getJson, parallel, uniqueName, useLocalApi } from '../helpers.ts';
import { configCacheMs } from '../../lambdas/quota/limits.ts';
import { invalidKeyMessage, keyCacheMs } from '../../lambdas/shared/authenticate.ts';

const api = useLocalApi();

afterEach(() => {
  testClock.reset();
});

/** A fresh owner on a plan, with one metric configured. */
const ownerWithMetric = async (plan: keyof typeof testPlans, metric: Record<string, unknown> | undefined) => {
  const owner = await createTestOwner(uniqueName('owner'), plan);
  const name = uniqueName('m').replaceAll('-', '_');
  if (metric) expect((await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: name, ...metric })).status).toBe(201);
  const flat = ({ status, body }: { status: number; body: Record<string, unknown> }): Record<string, unknown> => ({ status, ...body });
  const check = (subject: string, cost = 1, key = owner.useKey) =>
    api.call(key, 'POST', '/v1/check-consume', { subject, metric: name, cost }).then(flat);
  const usage = (subject: string, key = owner.useKey) =>
    api.call(key, 'GET', `/v1/usage?subject=${encodeURIComponent(subject)}&metric=${name}`).then(flat);
  return { owner, metric: name, check, usage };
};
const pinClock = (ms: number) => testClock.pin(ms);

describe('check-consume exactness', () => {
  it('limit 100, 500 concurrent requests: exactly 100 allowed, then usage shows 100', async () => {
    const { check, usage } = await ownerWithMetric('bulk', { limit: 100, window: 'lifetime' });
    const decisions = await parallel(500, () => check('user_1'));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(100);
    expect(decisions.filter((decision) => !decision.allowed).every((decision) => decision.reason === 'limit_exceeded' && decision.remaining === 0)).toBe(true);
    expect(new Set(decisions.filter((decision) => decision.allowed).map((decision) => decision.remaining)).size).toBe(100);
    expect(await usage('user_1')).toMatchObject({ current: 100, limit: 100, remaining: 0, window: 'none' });
  });

  it('limit 100, 50 concurrent at cost 3: 33 allowed, current 99, remaining 1', async () => {
    const { check, usage } = await ownerWithMetric('bulk', { limit: 100, window: 'day' });
    const decisions = await parallel(50, () => check('user_2', 3));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(33);
    expect(decisions.filter((decision) => !decision.allowed).every((decision) => decision.remaining === 1)).toBe(true);
    expect(await usage('user_2')).toMatchObject({ current: 99, limit: 100, remaining: 1, window: 'day' });
  });
});

describe('check-consume decisions', () => {
  it('answers remaining after each consumption, and a denial changes no subject counter', async () => {
    const { check, usage } = await ownerWithMetric('bulk', { limit: 10, window: 'month' });
    expect(await check('u', 4)).toEqual({ status: 200, allowed: true, remaining: 6, reason: null });
    expect(await check('u', 7)).toEqual({ status: 200, allowed: false, remaining: 6, reason: 'limit_exceeded' });
    expect(await check('u', 6)).toEqual({ status: 200, allowed: true, remaining: 0, reason: null });
    expect(await check('u', 1)).toMatchObject({ allowed: false, remaining: 0, reason: 'limit_exceeded' });
    expect(await usage('u')).toMatchObject({ current: 10, remaining: 0 });
  });

  it('denies a cost above the limit without creating anything', async () => {
    const { check, usage } = await ownerWithMetric('bulk', { limit: 5, window: 'day' });
    expect(await check('v', 6)).toMatchObject({ allowed: false, remaining: 5, reason: 'limit_exceeded' });
    expect(await usage('v')).toMatchObject({ current: 0, remaining: 5 });
  });

  it('allows with remaining null and counts nothing of the subject when no limit is configured', async () => {
    const { check, usage } = await ownerWithMetric('bulk', { limit: null });
    expect(await check('w', 1_000_000)).toEqual({ status: 200, allowed: true, remaining: null, reason: null });
    expect(await usage('w')).toMatchObject({ current: 0, limit: null, remaining: null, window: 'none' });
    const unknownMetric = await ownerWithMetric('bulk', undefined);
    expect(await unknownMetric.check('w')).toMatchObject({ allowed: true, remaining: null });
  });

  it('lets overrides (higher, lower, unlimited) apply only to their subject', async () => {
    pinClock(Date.UTC(2030, 10, 22, 12));
    const { owner, metric, check } = await ownerWithMetric('bulk', { limit: 2, window: 'day' });
    const override = (subject: string, limit: number | string) => api.call(owner.adminKey, 'PUT', `/v1/metrics/${metric}/overrides/${subject}`, { limit });
    expect((await override('pro', 5)).status).toBe(200);
    expect((await override('suspended', 0)).status).toBe(200);
    expect((await override('internal', 'unlimited')).status).toBe(200);
    const allowedCount = async (subject: string, attempts: number) => {
      let count = 0;
      for (let i = 0; i < attempts; i++) if ((await check(subject)).allowed) count++;
      return count;
    };
    expect(await allowedCount('pro', 7)).toBe(5);
    expect(await allowedCount('suspended', 2)).toBe(0);
    expect(await allowedCount('internal', 20)).toBe(20);
    expect(await check('internal')).toMatchObject({ remaining: null });
    expect(await allowedCount('regular', 4)).toBe(2);
  });

  it('lowering a limit below usage denies with remaining 0, once the configuration delay has passed', async () => {
    const startMs = Date.UTC(2030, 10, 22, 12);
    pinClock(startMs);
    const { owner, metric, check, usage } = await ownerWithMetric('bulk', { limit: 10, window: 'day' });
    for (let i = 0; i < 8; i++) await check('x');
    expect((await api.call(owner.adminKey, 'PATCH', `/v1/metrics/${metric}`, { limit: 5 })).body).toMatchObject({ limit: 5, window: 'day' });
    pinClock(startMs + configCacheMs);
    expect(await check('x')).toMatchObject({ allowed: false, remaining: 0, reason: 'limit_exceeded' });
    expect(await usage('x')).toMatchObject({ current: 8, limit: 5, remaining: 0 });
  });
});

describe('windows', () => {
  it('23:59:59.999 counts in the old day, 00:00:00 in the new one', async () => {
    const { check, usage } = await ownerWithMetric('bulk', { limit: 1, window: 'day' });
    pinClock(Date.UTC(2030, 10, 22, 23, 59, 59, 999));
    expect(await check('d')).toMatchObject({ allowed: true });
    expect(await check('d')).toMatchObject({ allowed: false });
    pinClock(Date.UTC(2030, 10, 23, 0, 0, 0, 0));
    expect(await check('d')).toMatchObject({ allowed: true, remaining: 0 });
    expect(await usage('d')).toMatchObject({ current: 1 });
  });

  it('a month ends at the last millisecond of its last day, UTC', async () => {
    const { check } = await ownerWithMetric('bulk', { limit: 1, window: 'month' });
    pinClock(Date.UTC(2030, 11, 31, 23, 59, 59, 999));
    expect(await check('m')).toMatchObject({ allowed: true });
    expect(await check('m')).toMatchObject({ allowed: false });
    pinClock(Date.UTC(2031, 0, 1));
    expect(await check('m')).toMatchObject({ allowed: true });
  });

  it('minute and hour windows reset on the minute and the hour', async () => {
    const { check } = await ownerWithMetric('bulk', { limit: 1, window: 'minute' });
    pinClock(Date.UTC(2030, 10, 22, 10, 5, 59, 999));
    expect(await check('n')).toMatchObject({ allowed: true });
    expect(await check('n')).toMatchObject({ allowed: false });
    pinClock(Date.UTC(2030, 10, 22, 10, 6));
    expect(await check('n')).toMatchObject({ allowed: true });
    const hourly = await ownerWithMetric('bulk', { limit: 1, window: 'hour' });
    pinClock(Date.UTC(2030, 10, 22, 10, 59, 59, 999));
    expect(await hourly.check('h')).toMatchObject({ allowed: true });
    pinClock(Date.UTC(2030, 10, 22, 11));
    expect(await hourly.check('h')).toMatchObject({ allowed: true });
  });
});

describe('account caps', () => {
  it('deny with the right reason, count denied requests, and consume nothing of the subject', async () => {
    const { owner, check, usage } = await ownerWithMetric('tiny', { limit: 100, window: 'lifetime' });
    const t0 = Date.UTC(2030, 10, 22, 8, 0, 10);
    pinClock(t0);
    expect(await check('s')).toMatchObject({ allowed: true });
    expect(await check('s')).toMatchObject({ allowed: true });
    expect(await check('s')).toEqual({ status: 200, allowed: false, remaining: 0, reason: 'owner_rate_limit_exceeded_second' });
    pinClock(t0 + 1000);
    expect(await check('s')).toMatchObject({ allowed: true });
    pinClock(t0 + 2000);
    expect(await check('s')).toMatchObject({ allowed: true }); // the minute's 5th request: at the cap, not over it
    pinClock(t0 + 3000);
    expect(await check('s')).toMatchObject({ allowed: false, reason: 'owner_rate_limit_exceeded' });
    pinClock(t0 + 60_000);
    expect(await check('s')).toMatchObject({ allowed: true });
    pinClock(t0 + 61_000);
    expect(await usage('s')).toMatchObject({ status: 200, current: 5 }); // denied requests consumed nothing of the subject
    pinClock(t0 + 120_000);
    expect(await check('s')).toMatchObject({ allowed: true });
    expect(await check('s')).toMatchObject({ allowed: true });
    pinClock(t0 + 121_000);
    expect(await check('s')).toMatchObject({ allowed: false, reason: 'owner_monthly_limit_exceeded' }); // the 11th request this month
    expect(await usage('s')).toMatchObject({ status: 429 });
    pinClock(t0 + 122_000);
    const usageDenied = await api.call(owner.useKey, 'GET', '/v1/usage?subject=s&metric=x');
    expect(usageDenied).toMatchObject({ status: 429, body: { error: { code: 'owner_monthly_limit_exceeded' } } });
    const account = await api.call(owner.adminKey, 'GET', '/v1/account');
    expect(account.body).toMatchObject({ plan: { name: 'tiny', monthlyRequests: 10 }, month: { requests: 13, cap: 10, remaining: 0 } });
    pinClock(Date.UTC(2030, 11, 1, 0, 0, 0));
    expect(await usage('s')).toMatchObject({ status: 200, current: 7 });
  });

  it('plans with overages count past the monthly cap without denying', async () => {
    const { owner, check } = await ownerWithMetric('tiny-overages', { limit: null });
    const t0 = Date.UTC(2030, 10, 22, 9);
    for (let i = 0; i < 5; i++) {
      pinClock(t0 + i * 61_000);
      expect(await check('o')).toMatchObject({ allowed: true });
    }
    expect((await api.call(owner.adminKey, 'GET', '/v1/account')).body).toMatchObject({ month: { requests: 5, cap: 3 } });
  });
});

describe('Idempotency-Key', () => {
  const withKey = (key: string, idempotencyKey: string, body: Record<string, unknown>) =>
    api
      .fetch('/v1/check-consume', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      })
      .then(async (response): Promise<Record<string, unknown>> => ({ status: response.status, ...((await response.json()) as Record<string, unknown>) }));

  it('50 concurrent requests with one key consume exactly once and answer the same', async () => {
    const { owner, metric, usage } = await ownerWithMetric('bulk', { limit: 100, window: 'day' });
    const decisions = await parallel(50, () => withKey(owner.useKey, 'order-1', { subject: 'i', metric, cost: 7 }));
    expect(decisions.every((decision) => decision.status === 200 && decision.allowed === true && decision.remaining === 93)).toBe(true);
    expect(await usage('i')).toMatchObject({ current: 7 });
    const account = await api.call(owner.adminKey, 'GET', '/v1/account');
    expect(account.body).toMatchObject({ month: { requests: 3 } }); // the metric's creation, the decision and the usage call; replays do not count
  });

  it('every concurrent duplicate answers the stored decision, never a denial, even when its count read lands after the commit', async () => {
    // A fresh subject whose one request uses the whole limit: a duplicate that saw "no record" but the consumed
    // count would come out denied. Before the fix every run of these 15 trials failed, within its first two.
    const { owner, metric, usage } = await ownerWithMetric('bulk', { limit: 3, window: 'lifetime' });
    const trials = 15;
    for (let trial = 0; trial < trials; trial++) {
      const subject = `race_${trial}`;
      const decisions = await parallel(40, () => withKey(owner.useKey, `race-key-${trial}`, { subject, metric, cost: 3 }));
      const wrong = decisions.filter((decision) => !(decision.status === 200 && decision.allowed === true && decision.remaining === 0));
      expect({ trial, wrong }).toEqual({ trial, wrong: [] });
      expect(await usage(subject)).toMatchObject({ current: 3 });
    }
  });

  it('refuses the same key with another body (422), and scopes keys to their owner', async () => {
    const { owner, metric, usage } = await ownerWithMetric('bulk', { limit: 100, window: 'day' });
    await withKey(owner.useKey, 'order-2', { subject: 'j', metric, cost: 1 });
    expect(await withKey(owner.useKey, 'order-2', { subject: 'j', metric, cost: 2 })).toMatchObject({
      status: 422,
      error: { code: 'idempotency_key_reused' },
    });
    const other = await ownerWithMetric('bulk', { limit: 100, window: 'day' });
    expect(await withKey(other.owner.useKey, 'order-2', { subject: 'j', metric: other.metric, cost: 2 })).toMatchObject({ allowed: true, remaining: 98 });
    expect(await usage('j')).toMatchObject({ current: 1 });
  });

  it('does not cache a denial: raise the limit, retry the same key, and it is allowed', async () => {
    const startMs = Date.UTC(2030, 10, 22, 14);
    pinClock(startMs);
    const { owner, metric } = await ownerWithMetric('bulk', { limit: 2, window: 'day' });
    expect(await withKey(owner.useKey, 'big-export', { subject: 'k', metric, cost: 3 })).toMatchObject({ allowed: false, reason: 'limit_exceeded' });
    await api.call(owner.adminKey, 'PATCH', `/v1/metrics/${metric}`, { limit: 10 });
    pinClock(startMs + configCacheMs);
    expect(await withKey(owner.useKey, 'big-export', { subject: 'k', metric, cost: 3 })).toMatchObject({ allowed: true, remaining: 7 });
    expect(await withKey(owner.useKey, 'big-export', { subject: 'k', metric, cost: 3 })).toMatchObject({ allowed: true, remaining: 7 });
  });

  it('stores allowed decisions for 24 hours, also for unlimited subjects', async () => {
    const startMs = Date.UTC(2030, 10, 22, 15);
    pinClock(startMs);
    const { owner, metric, usage } = await ownerWithMetric('bulk', { limit: 10, window: 'lifetime' });
    await withKey(owner.useKey, 'retry-me', { subject: 'l', metric, cost: 1 });
    pinClock(startMs + 86_399_000);
    await withKey(owner.useKey, 'retry-me', { subject: 'l', metric, cost: 1 });
    expect(await usage('l')).toMatchObject({ current: 1 });
    pinClock(startMs + 86_400_000);
    expect(await withKey(owner.useKey, 'retry-me', { subject: 'l', metric, cost: 1 })).toMatchObject({ allowed: true, remaining: 8 });
    const unlimited = await ownerWithMetric('bulk', { limit: null });
    expect(await withKey(unlimited.owner.useKey, 'u-1', { subject: 'z', metric: unlimited.metric, cost: 1 })).toMatchObject({ remaining: null });
    expect(await withKey(unlimited.owner.useKey, 'u-1', { subject: 'z', metric: unlimited.metric, cost: 2 })).toMatchObject({ status: 422 });
  });

  it('refuses keys longer than 100 characters', async () => {
    const { owner, metric } = await ownerWithMetric('bulk', { limit: 10 });
    expect(await withKey(owner.useKey, 'k'.repeat(101), { subject: 'm', metric, cost: 1 })).toMatchObject({
      status: 400,
      error: { code: 'validation_error', details: { 'Idempotency-Key': 'Idempotency-Key must be at most 100 characters' } },
    });
  });
});

describe('isolation and input', () => {
  it("an owner's keys can neither read nor consume another owner's metrics", async () => {
    const a = await ownerWithMetric('bulk', { limit: 1, window: 'lifetime' });
    const b = await createTestOwner('b', 'bulk');
    expect(await a.check('shared', 1, b.useKey)).toMatchObject({ allowed: true, remaining: null }); // b has no such metric
    expect(await a.check('shared')).toMatchObject({ allowed: true, remaining: 0 });
    expect(await a.usage('shared', b.useKey)).toMatchObject({ current: 0, limit: null });
    expect((await api.call(b.adminKey, 'GET', `/v1/metrics/${a.metric}`)).status).toBe(404);
    expect((await api.call(b.adminKey, 'PUT', `/v1/metrics/${a.metric}/overrides/shared`, { limit: 'unlimited' })).status).toBe(404);
    expect(await a.check('shared')).toMatchObject({ allowed: false });
  });

  it("usage reads with either of the owner's keys: the admin key gets the use key's answer", async () => {
    const { owner, check, usage } = await ownerWithMetric('bulk', { limit: 10, window: 'day' });
    await check('both', 3);
    const withUseKey = await usage('both');
    expect(withUseKey).toMatchObject({ status: 200, subject: 'both', current: 3, limit: 10, remaining: 7, window: 'day' });
    expect(await usage('both', owner.adminKey)).toEqual(withUseKey);
  });

  it("another owner's admin key reads its own empty usage, never this owner's", async () => {
    const a = await ownerWithMetric('bulk', { limit: 10, window: 'day' });
    const b = await createTestOwner('b', 'bulk');
    await a.check('shared', 4);
    expect(await a.usage('shared', b.adminKey)).toMatchObject({ status: 200, current: 0, limit: null, remaining: null, window: 'none' });
    expect(await a.usage('shared', a.owner.adminKey)).toMatchObject({ current: 4, limit: 10 });
  });

  it('usage still answers 401 to a missing, malformed or revoked key of either kind', async () => {
    const startMs = Date.UTC(2030, 10, 22, 15);
    testClock.pin(startMs);
    const { owner, metric, usage } = await ownerWithMetric('bulk', { limit: 10 });
    const unauthorized = { status: 401, error: { code: 'unauthorized' } };
    expect(await getJson(api.fetch(`/v1/usage?subject=s&metric=${metric}`))).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(await usage('s', 'ck_admin_live_bad')).toMatchObject(unauthorized);
    for (const kind of ['admin', 'use']) {
      const created = (await api.call(owner.adminKey, 'POST', '/v1/keys', { kind })).body;
      expect(await usage('s', created.key as string)).toMatchObject({ status: 200 }); // verified and cached in this container
      await api.call(owner.adminKey, 'DELETE', `/v1/keys/${created.keyId}`);
      testClock.pin(startMs + keyCacheMs);
      expect(await usage('s', created.key as string)).toMatchObject({ ...unauthorized, error: { message: invalidKeyMessage } });
      testClock.pin(startMs);
    }
  });

  it('answers countr error shapes for bad bodies', async () => {
    const { owner } = await ownerWithMetric('bulk', undefined);
    const post = (body: unknown) => api.call(owner.useKey, 'POST', '/v1/check-consume', body);
    expect(await post({ subject: 's', metric: 'm', cost: 0 })).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', details: { cost: 'Cost must be a positive integer' } } },
    });
    expect((await post({ metric: 'm', cost: 1 })).body).toMatchObject({ error: { details: { subject: 'Subject is required' } } });
    expect((await post({ subject: 's'.repeat(201), metric: 'm', cost: 1 })).status).toBe(400);
    expect((await post({ subject: 's', metric: 'm', cost: 2 ** 53 })).status).toBe(400);
    expect(await post('{"subject":')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect((await api.call('ck_use_live_bad', 'POST', '/v1/check-consume', { subject: 's', metric: 'm', cost: 1 })).status).toBe(401);
  });
});
