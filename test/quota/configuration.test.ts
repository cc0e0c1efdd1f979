import './plans.ts'; // sets INCR_PLANS before any quota module loads
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testClock } from '../clock.ts';
import { createTestOwner, useLocalApi, useTwoOwners } from '../helpers.ts';

const api = useLocalApi();
const owners = useTwoOwners();
const admin = (method: string, path: string, body?: unknown) => api.call(owners.owner.adminKey, method, path, body);

afterEach(() => {
  vi.restoreAllMocks();
  testClock.reset();
});

describe('metrics and their default limits', () => {
  it('creates, reads, lists, updates and deletes a metric', async () => {
    expect(await admin('POST', '/v1/metrics', { metric: 'ai_tokens', limit: 10_000, window: 'month', description: 'LLM tokens' })).toMatchObject({
      status: 201,
      body: { metric: 'ai_tokens', limit: 10_000, window: 'month', description: 'LLM tokens', createdAt: expect.any(Number) },
    });
    expect(await admin('POST', '/v1/metrics', { metric: 'ai_tokens' })).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await admin('POST', '/v1/metrics', { metric: 'exports' })).body).toMatchObject({ limit: null, window: 'lifetime' });
    expect((await admin('GET', '/v1/metrics/ai_tokens')).body).toMatchObject({ limit: 10_000 });
    expect(((await admin('GET', '/v1/metrics')).body.metrics as { metric: string }[]).map(({ metric }) => metric).sort()).toEqual(['ai_tokens', 'exports']);
    expect((await admin('PATCH', '/v1/metrics/ai_tokens', { limit: null })).body).toMatchObject({ limit: null, window: 'month' });
    expect((await admin('PATCH', '/v1/metrics/ai_tokens', { limit: 5, window: 'day' })).body).toMatchObject({ limit: 5, window: 'day' });
    expect(await admin('PATCH', '/v1/metrics/nope', { limit: 5 })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await admin('DELETE', '/v1/metrics/exports')).toMatchObject({ status: 200, body: { metric: 'exports', deleted: true } });
    expect((await admin('GET', '/v1/metrics/exports')).status).toBe(404);
    expect((await admin('DELETE', '/v1/metrics/exports')).status).toBe(404);
  });

  it.each([
    [{ metric: 'ApiCalls' }, 'metric', 'Metric must be lowercase snake_case'],
    [{ metric: 'api-calls' }, 'metric', 'Metric must be lowercase snake_case'],
    [{ metric: `m${'_x'.repeat(40)}` }, 'metric', 'Metric must be at most 64 characters'],
    [{ metric: 'ok', limit: -1 }, 'limit', 'Limit must be a non-negative integer'],
    [{ metric: 'ok', limit: 1.5 }, 'limit', 'Limit must be a non-negative integer'],
    [{ metric: 'ok', window: 'week' }, 'window', 'Window must be one of lifetime, day, month, hour, minute'],
  ])('refuses %j naming the field', async (body, field, message) => {
    expect(await admin('POST', '/v1/metrics', body)).toMatchObject({ status: 400, body: { error: { code: 'validation_error', details: { [field]: message } } } });
  });
});

describe('subject overrides', () => {
  it('creates, replaces, reads, lists and deletes overrides of an existing metric only', async () => {
    await admin('POST', '/v1/metrics', { metric: 'seats', limit: 3, window: 'lifetime' });
    expect(await admin('PUT', '/v1/metrics/seats/overrides/acme', { limit: 50 })).toMatchObject({ status: 200, body: { metric: 'seats', subject: 'acme', limit: 50 } });
    const replaced = await admin('PUT', '/v1/metrics/seats/overrides/acme', { limit: 'unlimited', window: 'month' });
    expect(replaced.body).toMatchObject({ limit: 'unlimited', window: 'month' });
    expect(replaced.body.updatedAt).toBeGreaterThanOrEqual(replaced.body.createdAt as number);
    await admin('PUT', '/v1/metrics/seats/overrides/user%3A42', { limit: 0 });
    expect((await admin('GET', '/v1/metrics/seats/overrides/user%3A42')).body).toMatchObject({ subject: 'user:42', limit: 0 });
    expect(((await admin('GET', '/v1/metrics/seats/overrides')).body.overrides as unknown[]).length).toBe(2);
    expect(await admin('PUT', '/v1/metrics/nope/overrides/acme', { limit: 1 })).toMatchObject({ status: 404 });
    expect((await admin('PUT', '/v1/metrics/seats/overrides/acme', { limit: 'lots' })).status).toBe(400);
    expect(await admin('DELETE', '/v1/metrics/seats/overrides/acme')).toMatchObject({ status: 200, body: { deleted: true } });
    expect((await admin('GET', '/v1/metrics/seats/overrides/acme')).status).toBe(404);
  });

  it('deleting a metric deletes its overrides', async () => {
    await admin('POST', '/v1/metrics', { metric: 'short_lived', limit: 1 });
    await admin('PUT', '/v1/metrics/short_lived/overrides/a', { limit: 2 });
    await admin('DELETE', '/v1/metrics/short_lived');
    await admin('POST', '/v1/metrics', { metric: 'short_lived', limit: 1 });
    expect((await admin('GET', '/v1/metrics/short_lived/overrides')).body).toEqual({ overrides: [], nextCursor: null });
  });

  it("keeps owners' configuration apart, and needs an admin key", async () => {
    await admin('POST', '/v1/metrics', { metric: 'private_metric', limit: 1 });
    expect((await api.call(owners.other.adminKey, 'GET', '/v1/metrics')).body).toEqual({ metrics: [], nextCursor: null });
    expect((await api.call(owners.other.adminKey, 'DELETE', '/v1/metrics/private_metric')).status).toBe(404);
    expect((await api.call(owners.owner.useKey, 'GET', '/v1/metrics')).status).toBe(403);
  });
});

describe('account view', () => {
  it("shows the plan, this month's requests and recent decisions", async () => {
    const { decisionLog } = await import('../../lambdas/quota/decision-log.ts');
    decisionLog.flushes.intervalMs = 0;
    const owner = await createTestOwner('viewer', 'starter');
    await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'reports', limit: 1 });
    const at = Date.UTC(2030, 10, 22, 16);
    testClock.pin(at);
    await api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 'team_1', metric: 'reports', cost: 1 });
    await api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 'team_1', metric: 'reports', cost: 1 });
    await api.call(owner.useKey, 'POST', '/v1/check-consume', { subject: 'team_1', metric: 'reports', cost: 1 }); // flushes the two before it
    const { body } = await api.call(owner.adminKey, 'GET', '/v1/account');
    expect(body).toMatchObject({
      ownerId: owner.ownerId,
      plan: { name: 'starter', monthlyRequests: 100_000, requestsPerMinute: 120, requestsPerSecond: 20 },
      month: { start: '2030-11-01T00:00:00.000Z', requests: 3, cap: 100_000, remaining: 99_997 },
    });
    // Both decisions share one timestamp (the clock is pinned), so their order is not asserted.
    expect(body.recentDecisions).toHaveLength(2);
    expect(body.recentDecisions).toEqual(
      expect.arrayContaining([
        { subject: 'team_1', metric: 'reports', cost: 1, allowed: true, remaining: 0, reason: null, at },
        { subject: 'team_1', metric: 'reports', cost: 1, allowed: false, remaining: 0, reason: 'limit_exceeded', at },
      ]),
    );
  });
});

describe('health', () => {
  it('answers GET /health and GET /v1/health without a key', async () => {
    for (const path of ['/health', '/v1/health']) {
      const response = await api.fetch(path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });
});
