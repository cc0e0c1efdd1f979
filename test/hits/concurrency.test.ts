import { describe, expect, it } from 'vitest';
import { getFrom, parallel, uniqueName, useLocalApi } from '../helpers.ts';

const api = useLocalApi();

describe('hit counters under concurrency', () => {
  it('100 parallel hits from 10 client addresses on a fresh counter end at exactly 100 visits and 10 visitors', async () => {
    const path = `/hits/site.example/${uniqueName()}`;
    const addresses = Array.from({ length: 10 }, (_, index) => `127.0.0.${index + 2}`);
    const responses = await parallel(100, (index) => getFrom(`${api.url}${path}${index % 2 ? '.svg' : ''}`, addresses[index % addresses.length]!));
    expect(responses.map(({ status }) => status)).toEqual(Array(100).fill(200));
    const counts = responses.filter((_, index) => index % 2 === 0).map(({ text }) => JSON.parse(text) as { visit: number; visitor: number });
    expect(Math.max(...counts.map(({ visit }) => visit))).toBeLessThanOrEqual(100);
    expect(Math.max(...counts.map(({ visitor }) => visitor))).toBeLessThanOrEqual(10);
    const final = await getFrom(`${api.url}${path}?mode=read`, '127.0.0.2');
    expect(JSON.parse(final.text)).toEqual({ visit: 100, visitor: 10 });
  });
});
