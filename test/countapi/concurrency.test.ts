import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../clock.ts';
import { getJson, parallel, uniqueName, useLocalApi } from '../helpers.ts';

const api = useLocalApi();
const get = (path: string) => getJson(api.fetch(path));

afterEach(() => {
  testClock.reset();
});

describe('CountAPI under concurrency', () => {
  it('200 parallel hits on one key end exactly +200, each value returned once', async () => {
    const key = uniqueName();
    const responses = await parallel(200, () => get(`/hit/${key}`));
    expect(responses.every(({ status }) => status === 200)).toBe(true);
    expect(responses.map(({ body }) => body.value).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 200 }, (_, index) => index + 1),
    );
    expect((await get(`/get/${key}`)).body).toEqual({ value: 200 });
  });

  it('parallel updates mixing allowed and out-of-bounds amounts apply exactly the allowed ones', async () => {
    const key = uniqueName();
    await get(`/create?key=${key}&update_lowerbound=-2&update_upperbound=3`);
    const amounts = Array.from({ length: 120 }, (_, index) => [-3, -2, 1, 3, 4][index % 5]!);
    const responses = await parallel(amounts.length, (index) => get(`/update/${key}?amount=${amounts[index]}`));
    const allowed = amounts.filter((amount) => amount >= -2 && amount <= 3);
    expect(responses.filter(({ status }) => status === 200)).toHaveLength(allowed.length);
    expect(responses.filter(({ status }) => status === 403)).toHaveLength(amounts.length - allowed.length);
    expect((await get(`/get/${key}`)).body).toEqual({ value: allowed.reduce((sum, amount) => sum + amount, 0) });
  });

  it('parallel updates near the safe-integer ceiling never pass it', async () => {
    const key = uniqueName();
    const max = Number.MAX_SAFE_INTEGER;
    await get(`/create?key=${key}&value=${max - 30}&update_upperbound=2`);
    const responses = await parallel(40, () => get(`/update/${key}?amount=2`));
    expect(responses.filter(({ status }) => status === 200)).toHaveLength(15);
    expect(responses.filter(({ status }) => status === 400)).toHaveLength(25);
    expect((await get(`/get/${key}`)).body).toEqual({ value: max });
  });

  it('limits key creation to 20 per source IP per second, exactly, with Retry-After', async () => {
    testClock.pin(Date.UTC(2030, 10, 22, 10, 0, 0, 250));
    const responses = await parallel(35, () => get(`/create?key=${uniqueName()}`));
    const limited = responses.filter(({ status }) => status === 429);
    expect(responses.filter(({ status }) => status === 200)).toHaveLength(20);
    expect(limited).toHaveLength(15);
    expect(limited[0]!.headers.get('retry-after')).toBe('1');
    expect(limited[0]!.headers.get('access-control-allow-origin')).toBe('*');
    expect(limited[0]!.body.error).toMatch(/20 per second/);
    testClock.pin(Date.UTC(2030, 10, 22, 10, 0, 1, 0));
    expect((await get(`/create?key=${uniqueName()}`)).status).toBe(200);
  });

  it('does not let X-Forwarded-For dodge the creation limit', async () => {
    testClock.pin(Date.UTC(2030, 10, 22, 11, 0, 0, 0));
    const responses = await parallel(25, (index) =>
      getJson(api.fetch(`/create?key=${uniqueName()}`, { headers: { 'x-forwarded-for': `10.0.0.${index}` } })),
    );
    expect(responses.filter(({ status }) => status === 200)).toHaveLength(20);
  });
});
