import { afterEach, describe, expect, it } from 'vitest';
import { Interval } from '../lambdas/shared/clock.ts';
import { ExpiringCache } from '../lambdas/shared/expiring-cache.ts';
import { keyCacheMs } from '../lambdas/shared/authenticate.ts';
import { testClock } from './clock.ts';
import { createTestOwner, useLocalApi } from './helpers.ts';

/** Code that remembers a time must survive a clock that steps backwards (an NTP correction, a pinned test clock). */
const api = useLocalApi();
afterEach(() => {
  testClock.reset();
});
const hourMs = 3_600_000;

describe('Interval', () => {
  const t0 = testClock.at(hourMs);

  it('is due once the interval has passed since the first look or the last restart', () => {
    const flushes = new Interval(5_000);
    expect([t0, t0 + 4_999, t0 + 5_000].map((ms) => flushes.due(ms))).toEqual([false, false, true]);
    flushes.restart(t0 + 5_001);
    expect([t0 + 10_000, t0 + 10_001].map((ms) => flushes.due(ms))).toEqual([false, true]);
  });

  it('is due at once when the clock steps backwards, then counts from the new time', () => {
    const flushes = new Interval(5_000);
    flushes.due(t0);
    expect(flushes.due(t0 - hourMs)).toBe(true);
    flushes.restart(t0 - hourMs);
    expect(flushes.due(t0 - hourMs + 4_999)).toBe(false);
    expect(flushes.due(t0 - hourMs + 5_000)).toBe(true);
  });

  it('with interval 0, is always due', () => {
    const flushes = new Interval(0);
    expect([t0, t0, t0 + 1].map((ms) => flushes.due(ms))).toEqual([true, true, true]);
  });
});

describe('ExpiringCache', () => {
  it('treats an entry stored "in the future" as stale', async () => {
    const cache = new ExpiringCache<number>(5_000, 10);
    let loads = 0;
    const load = async () => ++loads;
    const t0 = testClock.at(hourMs);
    expect(await cache.get('k', t0, load)).toBe(1);
    expect(await cache.get('k', t0 + 4_999, load)).toBe(1);
    expect(await cache.get('k', t0 - 1, load)).toBe(2);
  });

  it('peeks by the same rule, without loading', () => {
    const cache = new ExpiringCache<number>(5_000, 10);
    const t0 = testClock.at(hourMs);
    cache.set('k', 1, t0);
    expect([cache.peek('k', t0 + 4_999), cache.peek('k', t0 + 5_000), cache.peek('k', t0 - 1)]).toEqual([1, undefined, undefined]);
    cache.delete('k');
    expect(cache.peek('k', t0)).toBeUndefined();
  });
});

describe('a clock stepping backwards in a warm container', () => {
  it('does not keep a revoked key working', async () => {
    const owner = await createTestOwner('stepping');
    const startMs = testClock.pin(testClock.at(hourMs));
    const created = await api.call(owner.adminKey, 'POST', '/v1/keys', { kind: 'use' });
    const key = created.body.key as string;
    expect((await api.call(key, 'GET', '/v1/counters/probe')).status).toBe(200); // verified and cached
    await api.call(owner.adminKey, 'DELETE', `/v1/keys/${created.body.keyId}`);
    testClock.pin(startMs - hourMs);
    expect((await api.call(key, 'GET', '/v1/counters/probe')).status).toBe(401);
    testClock.pin(startMs + keyCacheMs - 1); // and forward again, still inside the old entry's interval
    expect((await api.call(key, 'GET', '/v1/counters/probe')).status).toBe(401);
  });

  it('goes on writing the decision log', async () => {
    const owner = await createTestOwner('log-stepping', 'starter');
    await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'steps', limit: 10 });
    const startMs = testClock.pin(testClock.at(2 * hourMs));
    const consume = () => api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 's', metric: 'steps', cost: 1 });
    await consume(); // starts this container's flush interval (and is logged)
    testClock.pin(startMs - hourMs);
    await consume(); // the clock stepped back: the log is due, and writes the first decision
    testClock.pin(startMs - hourMs + 1);
    const { body } = await api.call(owner.adminKey, 'GET', '/v1/account');
    expect(body.recentDecisions).toEqual([expect.objectContaining({ subject: 's', metric: 'steps', remaining: 9, at: startMs })]);
  });
});
