import { beforeAll, describe, expect, it } from 'vitest';
import { Incr, IncrError } from '../../packages/client/src/index.ts';
import { createTestOwner, type TestOwner, uniqueName, useLocalApi } from '../helpers.ts';

/** Every method of every family, against the in-process local server. */

const api = useLocalApi();
let owner: TestOwner;
let use: Incr;
let admin: Incr;
beforeAll(async () => {
  owner = await createTestOwner('sdk', 'scale');
  use = new Incr({ baseUrl: api.url, apiKey: owner.useKey });
  admin = new Incr({ baseUrl: api.url, apiKey: owner.adminKey });
});

describe('countapi', () => {
  it('hit, get, set, update, create, info and stats answer countapi-js results', async () => {
    const incr = new Incr({ baseUrl: api.url });
    const namespace = uniqueName('sdk.example');
    expect(await incr.countapi.hit(namespace, 'visits')).toEqual({ value: 1, status: 200, path: `${namespace}/visits` });
    expect(await incr.countapi.get(namespace, 'missing')).toMatchObject({ value: null, status: 404 });
    expect(await incr.countapi.create({ namespace, key: 'orders', value: 10, enable_reset: true, update_lowerbound: -5, update_upperbound: 5 })).toMatchObject({
      namespace,
      key: 'orders',
      value: 10,
      status: 200,
    });
    await expect(incr.countapi.create({ namespace, key: 'orders' })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    expect(await incr.countapi.update(namespace, 'orders', -3)).toMatchObject({ value: 7, status: 200 });
    expect(await incr.countapi.update(namespace, 'orders', 6)).toMatchObject({ value: 7, status: 403 });
    expect(await incr.countapi.set(namespace, 'orders', 100)).toMatchObject({ old_value: 7, value: 100, status: 200 });
    expect(await incr.countapi.set(namespace, 'visits', 5)).toMatchObject({ old_value: 1, value: 1, status: 403 });
    expect(await incr.countapi.get(namespace, 'orders')).toMatchObject({ value: 100, status: 200 });
    expect(await incr.countapi.info(namespace, 'orders')).toMatchObject({ namespace, key: 'orders', value: 100, enable_reset: true, update_lowerbound: -5 });
    expect(await incr.countapi.stats()).toMatchObject({ keys_created: expect.any(Number), version: expect.any(String) });
  });
});

describe('hits', () => {
  it('count counts, read does not, and a resource ending in .svg is still JSON', async () => {
    const incr = new Incr({ baseUrl: api.url });
    const id = uniqueName('site.example');
    expect(await incr.hits.count(id, 'home')).toEqual({ visit: 1, visitor: 1 });
    expect(await incr.hits.count(id, 'home')).toEqual({ visit: 2, visitor: 1 });
    expect(await incr.hits.read(id, 'home')).toEqual({ visit: 2, visitor: 1 });
    expect(await incr.hits.count(id, 'logo.svg')).toEqual({ visit: 1, visitor: 1 });
  });

  it('imageUrl builds the embed URL with its theme options, and the image it names counts', async () => {
    const incr = new Incr({ baseUrl: `${api.url}/` });
    const id = uniqueName('site.example');
    const url = incr.hits.imageUrl(id, 'home', { theme: 'pixel', label: 'views & more', color: '#ff0000', digits: 4, show: 'both', scheme: 'dark' });
    expect(url).toBe(`${api.url}/hits/${id}/home.svg?theme=pixel&label=views+%26+more&color=%23ff0000&digits=4&show=both&scheme=dark`);
    const image = await fetch(url);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    expect(await image.text()).toContain('views &amp; more');
    expect(incr.hits.imageUrl(id, 'home', { read: true })).toBe(`${api.url}/hits/${id}/home.svg?mode=read`);
    expect(await incr.hits.read(id, 'home')).toEqual({ visit: 1, visitor: 1 });
  });
});

describe('counters', () => {
  it("has unkey's semantics, with keys URL-encoded", async () => {
    const key = `credits:${uniqueName()}`;
    const other = `ratelimit:${uniqueName()}`;
    expect(await use.counters.setIfNotExists(key, { value: 100 })).toEqual({ key, set: true });
    expect(await use.counters.setIfNotExists(key, { value: 5 })).toEqual({ key, set: false });
    expect(await use.counters.decrementIfExists(key, { by: 30 })).toEqual({ key, value: 70, existed: true, success: true });
    expect(await use.counters.decrementIfExists(key, { by: 71 })).toEqual({ key, value: 70, existed: true, success: false });
    expect(await use.counters.decrementIfExists(uniqueName())).toMatchObject({ value: 0, existed: false, success: false });
    expect(await use.counters.increment(other, { ttlSeconds: 60 })).toEqual({ key: other, value: 1 });
    expect(await use.counters.increment(other, { by: 4 })).toEqual({ key: other, value: 5 });
    expect(await use.counters.decrement(other, { by: 7 })).toEqual({ key: other, value: -2 });
    expect(await use.counters.get(key)).toEqual({ key, value: 70 });
    expect(await use.counters.multiGet([key, other, 'never-set'])).toEqual({ values: { [key]: 70, [other]: -2, 'never-set': 0 } });
    expect(await use.counters.delete(other)).toEqual({ key: other, deleted: true });
    expect(await use.counters.get(other)).toEqual({ key: other, value: 0 });
  });
});

describe('namespaceCounter', () => {
  it('increments and reads', async () => {
    const namespace = uniqueName('page-views');
    expect(await use.namespaceCounter.get(namespace)).toEqual({ namespace, value: 0 });
    expect(await use.namespaceCounter.increment(namespace)).toEqual({ namespace, value: 1 });
    expect(await use.namespaceCounter.get(namespace)).toEqual({ namespace, value: 1 });
  });
});

describe('quota and the admin surface', () => {
  it('metrics, overrides, check-consume, usage and the account', async () => {
    const metric = `api_calls_${Date.now()}`;
    expect(await admin.metrics.create({ metric, limit: 10, window: 'day' })).toMatchObject({ metric, limit: 10, window: 'day' });
    expect(await admin.metrics.get(metric)).toMatchObject({ metric, limit: 10 });
    expect(await admin.metrics.update(metric, { limit: 3 })).toMatchObject({ metric, limit: 3 });
    expect((await admin.metrics.list({ limit: 1000 })).metrics.map((item) => item.metric)).toContain(metric);
    const subject = 'pro user/456';
    expect(await admin.overrides.put(metric, subject, { limit: 'unlimited' })).toMatchObject({ metric, subject, limit: 'unlimited' });
    expect(await admin.overrides.get(metric, subject)).toMatchObject({ subject, limit: 'unlimited' });
    expect(await admin.overrides.list(metric)).toMatchObject({ overrides: [{ subject }], nextCursor: null });

    expect(await use.quota.checkConsume({ subject: 'user_1', metric, cost: 2 })).toEqual({ allowed: true, remaining: 1, reason: null, failed: false });
    expect(await use.quota.checkConsume({ subject: 'user_1', metric, cost: 2 })).toEqual({ allowed: false, remaining: 1, reason: 'limit_exceeded', failed: false });
    expect(await use.quota.checkConsume({ subject, metric, cost: 50 })).toEqual({ allowed: true, remaining: null, reason: null, failed: false });
    expect(await use.quota.usage({ subject: 'user_1', metric })).toEqual({ subject: 'user_1', metric, current: 2, limit: 3, remaining: 1, window: 'day' });

    expect(await admin.overrides.delete(metric, subject)).toEqual({ metric, subject, deleted: true });
    expect(await admin.metrics.delete(metric)).toEqual({ metric, deleted: true });
    await expect(admin.metrics.get(metric)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await admin.account.get()).toMatchObject({ ownerId: owner.ownerId, plan: { name: 'scale' }, month: { requests: expect.any(Number) } });
  });

  it('keys: create, list and revoke', async () => {
    const created = await admin.keys.create({ name: 'sdk test' });
    expect(created).toMatchObject({ kind: 'use', name: 'sdk test', key: expect.stringMatching(/^ck_use_live_/) });
    expect((await admin.keys.list({ limit: 1000 })).keys.map((key) => key.keyId)).toContain(created.keyId);
    expect(await admin.keys.revoke(created.keyId)).toMatchObject({ keyId: created.keyId, revokedAt: expect.any(Number), effectiveWithinSeconds: 5 });
  });

  it('a key of the wrong kind is an IncrError', async () => {
    const error = await use.keys.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IncrError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
