import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { createTestOwner, useLocalApi, useTwoOwners } from '../helpers.ts';
import { maxPageSize } from '../../lambdas/shared/page-request.ts';

const api = useLocalApi();
const owners = useTwoOwners();
const admin = (method: string, path: string, body?: unknown) => api.call(owners.owner.adminKey, method, path, body);

afterEach(() => {
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

  it('lists a metric named override, and no requested metric name reaches another metric\'s overrides', async () => {
    await admin('POST', '/v1/metrics', { metric: 'override', limit: 5 });
    await admin('POST', '/v1/metrics', { metric: 'a', limit: 5 });
    // Suspended subjects whose keys a crafted metric name could once address: `a#override#x` was `a`'s override for `x#`.
    for (const subject of ['x#', 'b#s', 'override#x#s']) expect((await admin('PUT', `/v1/metrics/a/overrides/${encodeURIComponent(subject)}`, { limit: 0 })).status).toBe(200);
    await admin('PUT', '/v1/metrics/override/overrides/z', { limit: 1 });
    const names = ((await admin('GET', `/v1/metrics?limit=${maxPageSize}`)).body.metrics as { metric: string }[]).map(({ metric }) => metric);
    expect(names).toEqual(expect.arrayContaining(['a', 'override']));
    const subjects = async (metric: string) => ((await admin('GET', `/v1/metrics/${metric}/overrides`)).body.overrides as { subject: string }[]).map(({ subject }) => subject);
    expect(await subjects('a')).toEqual(['b#s', 'override#x#s', 'x#']);
    expect(await subjects('override')).toEqual(['z']);
    for (const metric of ['a#override#x', 'a#b', 'a#override', 'a#']) {
      const decision = await api.call(owners.owner.useKey, 'POST', '/v1/check-consume', { subject: 's', metric, cost: 1 });
      expect({ metric, ...decision.body }).toEqual({ metric, allowed: true, remaining: null, reason: null });
    }
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

describe('paginated listings', () => {
  const get = (key: string, path: string) => api.call(key, 'GET', path);
  /** Every page of a listing, following nextCursor from the first page. */
  const allPages = async (key: string, path: string, field: string) => {
    const pages: Record<string, unknown>[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const { status, body } = await get(key, cursor === null ? path : `${path}${separator}cursor=${encodeURIComponent(cursor)}`);
      expect(status).toBe(200);
      pages.push(body[field] as Record<string, unknown>[]);
      cursor = body.nextCursor as string | null;
      expect(cursor === null || typeof cursor === 'string').toBe(true);
    } while (cursor !== null);
    return pages;
  };

  it('pages through 250 overrides: each exactly once, pages bounded, a forged cursor a 400, never another owner\'s items', async () => {
    const owner = await createTestOwner('pager', 'bulk');
    const other = await createTestOwner('pager-other', 'bulk');
    const subjects = Array.from({ length: 250 }, (_, index) => (index % 50 === 7 ? `user #${index}/ü` : `user_${String(index).padStart(3, '0')}`));
    expect((await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'crowded', limit: 10 })).status).toBe(201);
    for (let start = 0; start < subjects.length; start += 25) {
      const statuses = await Promise.all(
        subjects.slice(start, start + 25).map(async (subject) => (await api.call(owner.adminKey, 'PUT', `/v1/metrics/crowded/overrides/${encodeURIComponent(subject)}`, { limit: 1 })).status),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
    }

    const pages = await allPages(owner.adminKey, '/v1/metrics/crowded/overrides?limit=40', 'overrides');
    expect(pages.map((page) => page.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    const listed = pages.flat().map(({ subject }) => subject as string);
    expect(listed).toHaveLength(250);
    expect(new Set(listed)).toEqual(new Set(subjects));
    expect((await get(owner.adminKey, '/v1/metrics/crowded/overrides')).body).toMatchObject({ overrides: expect.any(Array), nextCursor: expect.any(String) });
    expect(((await get(owner.adminKey, '/v1/metrics/crowded/overrides')).body.overrides as unknown[]).length).toBe(100);
    expect((await get(owner.adminKey, `/v1/metrics/crowded/overrides?limit=${maxPageSize}`)).body).toMatchObject({ nextCursor: null });

    const cursorMessage = "cursor must be a previous page's nextCursor";
    const limitMessage = `limit must be an integer from 1 to ${maxPageSize}`;
    for (const [query, field, message] of [
      ['cursor=!!!', 'cursor', cursorMessage],
      ['cursor=', 'cursor', cursorMessage],
      ['cursor=AB', 'cursor', cursorMessage], // not the canonical encoding of what it decodes to
      ['cursor=_w', 'cursor', cursorMessage], // not UTF-8
      [`cursor=${'A'.repeat(1204)}`, 'cursor', cursorMessage],
      ['limit=0', 'limit', limitMessage],
      ['limit=1001', 'limit', limitMessage],
      ['limit=2.5', 'limit', limitMessage],
      ['limit=lots', 'limit', limitMessage],
    ]) {
      const answer = await get(owner.adminKey, `/v1/metrics/crowded/overrides?${query}`);
      expect({ query, ...answer }).toMatchObject({ query, status: 400, body: { error: { code: 'validation_error', message, details: { [field!]: message } } } });
    }

    // Another owner's cursor only positions a listing of the caller's own partition.
    await api.call(other.adminKey, 'POST', '/v1/metrics', { metric: 'crowded', limit: 10 });
    await api.call(other.adminKey, 'PUT', '/v1/metrics/crowded/overrides/zz_other', { limit: 1 });
    const ownersCursor = (await get(owner.adminKey, '/v1/metrics/crowded/overrides?limit=40')).body.nextCursor as string;
    expect((await get(other.adminKey, `/v1/metrics/crowded/overrides?cursor=${encodeURIComponent(ownersCursor)}`)).body).toEqual({
      overrides: [expect.objectContaining({ subject: 'zz_other' })],
      nextCursor: null,
    });
    const forged = Buffer.from('\uffff').toString('base64url'); // past every sort key: an empty page, not an error
    expect((await get(owner.adminKey, `/v1/metrics/crowded/overrides?cursor=${forged}`)).body).toEqual({ overrides: [], nextCursor: null });
  });

  it('pages through metrics', async () => {
    const owner = await createTestOwner('metric-pager', 'bulk');
    const names = ['m_1', 'm_2', 'm_3', 'm_4', 'm_5'];
    await Promise.all(names.map((metric) => api.call(owner.adminKey, 'POST', '/v1/metrics', { metric })));
    await api.call(owner.adminKey, 'PUT', '/v1/metrics/m_1/overrides/s', { limit: 1 });
    const pages = await allPages(owner.adminKey, '/v1/metrics?limit=2', 'metrics');
    expect(pages.map((page) => page.map(({ metric }) => metric))).toEqual([['m_1', 'm_2'], ['m_3', 'm_4'], ['m_5']]);
    expect((await get(owner.adminKey, '/v1/metrics?cursor=***')).body).toMatchObject({ error: { code: 'validation_error', details: { cursor: expect.any(String) } } });
  });
});
