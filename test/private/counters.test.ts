import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { parallel, uniqueName, useLocalApi, useTwoOwners } from '../helpers.ts';

const api = useLocalApi();
const owners = useTwoOwners();
afterEach(() => {
  testClock.reset();
});

const { call } = api;
const post = (path: string, body?: unknown, key = owners.owner.useKey) => call(key, 'POST', path, body);
const get = (path: string, key = owners.owner.useKey) => call(key, 'GET', path);

describe('private counters', () => {
  it('increments and decrements, creating at 0, and may go negative', async () => {
    const key = uniqueName('credits');
    expect(await post(`/v1/counters/${key}/increment`, { by: 5 })).toMatchObject({ status: 200, body: { key, value: 5 } });
    expect((await post(`/v1/counters/${key}/increment`)).body).toEqual({ key, value: 6 });
    expect((await post(`/v1/counters/${key}/decrement`, { by: 10 })).body).toEqual({ key, value: -4 });
    const fresh = uniqueName();
    expect((await post(`/v1/counters/${fresh}/decrement`, { by: 2 })).body).toEqual({ key: fresh, value: -2 });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: -4 });
  });

  it('answers 0 for a counter that never existed', async () => {
    expect(await get(`/v1/counters/${uniqueName()}`)).toMatchObject({ status: 200, body: { value: 0 } });
  });

  it('decrementIfExists never creates and never goes below zero', async () => {
    const key = uniqueName();
    expect((await post(`/v1/counters/${key}/decrement-if-exists`, { by: 1 })).body).toEqual({ key, value: 0, existed: false, success: false });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 0 });
    await post(`/v1/counters/${key}/set-if-not-exists`, { value: 2 });
    expect((await post(`/v1/counters/${key}/decrement-if-exists`, { by: 3 })).body).toEqual({ key, value: 2, existed: true, success: false });
    expect((await post(`/v1/counters/${key}/decrement-if-exists`, { by: 2 })).body).toEqual({ key, value: 0, existed: true, success: true });
  });

  it('20 sequential decrementIfExists(1) on 100 leave 80', async () => {
    const key = uniqueName();
    await post(`/v1/counters/${key}/set-if-not-exists`, { value: 100 });
    for (let i = 0; i < 20; i++) await post(`/v1/counters/${key}/decrement-if-exists`, { by: 1 });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 80 });
  });

  it('50 concurrent decrementIfExists(3) on 100 give exactly 33 successes and leave 1', async () => {
    const key = uniqueName();
    await post(`/v1/counters/${key}/set-if-not-exists`, { value: 100 });
    const results = await parallel(50, () => post(`/v1/counters/${key}/decrement-if-exists`, { by: 3 }));
    expect(results.filter(({ body }) => body.success === true)).toHaveLength(33);
    expect(results.filter(({ body }) => body.success === false).every(({ body }) => body.existed === true && body.value === 1)).toBe(true);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 1 });
  });

  it('concurrent increments are exact', async () => {
    const key = uniqueName();
    const results = await parallel(120, () => post(`/v1/counters/${key}/increment`, { by: 2 }));
    expect(new Set(results.map(({ body }) => body.value)).size).toBe(120);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 240 });
  });

  it('setIfNotExists keeps the first value', async () => {
    const key = uniqueName();
    expect((await post(`/v1/counters/${key}/set-if-not-exists`, { value: 7 })).body).toEqual({ key, set: true });
    expect((await post(`/v1/counters/${key}/set-if-not-exists`, { value: 9 })).body).toEqual({ key, set: false });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 7 });
    const results = await parallel(20, () => post(`/v1/counters/${uniqueName('race')}/set-if-not-exists`, { value: 1 }));
    expect(results.every(({ body }) => body.set === true)).toBe(true);
    const contested = uniqueName();
    const contest = await parallel(20, () => post(`/v1/counters/${contested}/set-if-not-exists`, { value: 1 }));
    expect(contest.filter(({ body }) => body.set === true)).toHaveLength(1);
  });

  it('sets the TTL when a counter is created, keeps it afterwards, and treats an expired counter as missing', async () => {
    const startMs = Date.UTC(2030, 10, 22, 12);
    testClock.pin(startMs);
    const key = uniqueName();
    await post(`/v1/counters/${key}/increment`, { by: 1, ttlSeconds: 60 });
    testClock.pin(startMs + 30_000);
    expect((await post(`/v1/counters/${key}/increment`, { by: 1, ttlSeconds: 3600 })).body).toEqual({ key, value: 2 });
    testClock.pin(startMs + 61_000);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 0 });
    expect((await get(`/v1/counters?keys=${key}`)).body).toEqual({ values: { [key]: 0 } });
    expect((await post(`/v1/counters/${key}/decrement-if-exists`, { by: 1 })).body).toMatchObject({ existed: false, success: false });
    expect((await post(`/v1/counters/${key}/increment`, { by: 5 })).body).toEqual({ key, value: 5 });
    testClock.pin(startMs + 10 * 86_400_000);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 5 });
  });

  it('never gives a counter created without a TTL one later', async () => {
    const startMs = testClock.pin(Date.UTC(2030, 10, 22, 12, 30));
    const key = uniqueName();
    expect((await post(`/v1/counters/${key}/set-if-not-exists`, { value: 100 })).body).toEqual({ key, set: true });
    expect((await post(`/v1/counters/${key}/increment`, { by: 1, ttlSeconds: 1 })).body).toEqual({ key, value: 101 });
    expect((await post(`/v1/counters/${key}/decrement`, { by: 2, ttlSeconds: 1 })).body).toEqual({ key, value: 99 });
    testClock.pin(startMs + 2_500);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 99 });
    expect((await post(`/v1/counters/${key}/decrement-if-exists`, { by: 1 })).body).toEqual({ key, value: 98, existed: true, success: true });
    testClock.pin(startMs + 365 * 86_400_000);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 98 });
  });

  it('lets setIfNotExists replace an expired counter', async () => {
    const startMs = Date.UTC(2030, 10, 22, 13);
    testClock.pin(startMs);
    const key = uniqueName();
    await post(`/v1/counters/${key}/set-if-not-exists`, { value: 3, ttlSeconds: 10 });
    testClock.pin(startMs + 11_000);
    expect((await post(`/v1/counters/${key}/set-if-not-exists`, { value: 8 })).body).toEqual({ key, set: true });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 8 });
  });

  it('multiGet answers every key in one batched read, 0 for missing ones', async () => {
    const [a, b, missing] = [uniqueName(), uniqueName(), uniqueName()];
    await post(`/v1/counters/${a}/increment`, { by: 3 });
    await post(`/v1/counters/${b}/decrement`, { by: 4 });
    expect((await get(`/v1/counters?keys=${a},${b},${missing},${a}`)).body).toEqual({ values: { [a]: 3, [b]: -4, [missing]: 0 } });
    const hundred = Array.from({ length: 100 }, (_, index) => `bulk-${index}`);
    expect(Object.keys((await get(`/v1/counters?keys=${hundred.join(',')}`)).body.values as object)).toHaveLength(100);
    expect(await get(`/v1/counters?keys=${[...hundred, 'one-more'].join(',')}`)).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', message: 'keys takes at most 100 keys' } },
    });
  });

  it('deletes counters', async () => {
    const key = uniqueName();
    await post(`/v1/counters/${key}/increment`, { by: 9 });
    expect((await call(owners.owner.useKey, 'DELETE', `/v1/counters/${key}`)).body).toEqual({ key, deleted: true });
    expect((await call(owners.owner.useKey, 'DELETE', `/v1/counters/${key}`)).body).toEqual({ key, deleted: false });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 0 });
  });

  it('keeps owners apart: same names, separate counters', async () => {
    const key = uniqueName('shared');
    await post(`/v1/counters/${key}/increment`, { by: 10 });
    expect((await get(`/v1/counters/${key}`, owners.other.useKey)).body).toEqual({ key, value: 0 });
    expect((await post(`/v1/counters/${key}/decrement-if-exists`, { by: 1 }, owners.other.useKey)).body).toMatchObject({ existed: false });
    expect((await call(owners.other.useKey, 'DELETE', `/v1/counters/${key}`)).body).toEqual({ key, deleted: false });
    await post(`/v1/counters/${key}/increment`, { by: 1 }, owners.other.useKey);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 10 });
    expect((await get(`/v1/counters?keys=${key}`, owners.other.useKey)).body).toEqual({ values: { [key]: 1 } });
  });

  it.each([
    [{ by: 0 }, 'by', 'by must be a positive integer'],
    [{ by: -1 }, 'by', 'by must be a positive integer'],
    [{ by: 1.5 }, 'by', 'by must be an integer within ±(2^53−1)'],
    [{ by: '1' }, 'by', 'by must be an integer'],
    [{ by: 2 ** 53 }, 'by', 'by must be an integer within ±(2^53−1)'],
    [{ ttlSeconds: 0 }, 'ttlSeconds', 'ttlSeconds must be at least 1'],
    [{ ttlSeconds: 10 ** 10 }, 'ttlSeconds', 'ttlSeconds must be at most 315360000 (10 years)'],
  ])('refuses %j with a 400 naming the field', async (body, field, message) => {
    const key = uniqueName();
    expect(await post(`/v1/counters/${key}/increment`, body)).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', message, details: { [field]: message } } },
    });
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: 0 });
  });

  it('refuses bad key names, bad JSON, and results beyond the safe range', async () => {
    expect((await get('/v1/counters/has%20space')).body).toMatchObject({ error: { code: 'validation_error' } });
    expect((await get(`/v1/counters/${'k'.repeat(129)}`)).status).toBe(400);
    expect(await post(`/v1/counters/${uniqueName()}/increment`, '{"by":')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await post(`/v1/counters/${uniqueName()}/increment`, '[1]')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const key = uniqueName();
    await post(`/v1/counters/${key}/set-if-not-exists`, { value: Number.MAX_SAFE_INTEGER - 1 });
    expect((await post(`/v1/counters/${key}/increment`, { by: 2 })).status).toBe(400);
    expect((await get(`/v1/counters/${key}`)).body).toEqual({ key, value: Number.MAX_SAFE_INTEGER - 1 });
  });
});
