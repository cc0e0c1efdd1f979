import { beforeAll, describe, expect, it } from 'vitest';
import { shardCount } from '../../lambdas/shared/sharded-counter.ts';
import { testClock } from '../clock.ts';
import { expectAllowedByRoute, sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { getFrom, parallel, uniqueName, useLocalApi } from '../helpers.ts';
import { useItemThrottle } from '../item-throttle.ts';

/**
 * A hot hit counter under the scaled-down DynamoDB of test/item-throttle.ts (20 writes per item
 * per window): unsharded it admits 20 hits per window, sharded 16 × 20, and `visit` and `visitor`
 * stay exact. Each address's marker is an item too, so the bursts spread over enough addresses.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();
const perItem = 20;
const throttle = useItemThrottle(perItem);
const resource = uniqueName();
const path = `/hits/site.example/${resource}`;
const known = Array.from({ length: 20 }, (_, index) => `127.0.1.${index + 1}`);
const newcomers = Array.from({ length: 40 }, (_, index) => `127.0.2.${index + 1}`);

interface Counts {
  visit: number;
  visitor: number;
}

beforeAll(() => {
  // Layouts are remembered for a minute: a pinned clock keeps them through a slow run.
  testClock.pin(testClock.at(0));
});

/** `count` hits at once in a fresh window, from `addresses` in turn. */
const burst = async (count: number, addresses: string[]) => {
  throttle.nextWindow();
  const responses = await parallel(count, (index) => getFrom(`${api.url}${path}`, addresses[index % addresses.length]!));
  const answered = responses.filter(({ status }) => status === 200).map(({ text }) => JSON.parse(text) as Counts);
  return { ok: answered.length, unavailable: responses.filter(({ status }) => status === 503).length, answered, hottestItem: Math.max(...throttle.writes.values()) };
};

const read = async (): Promise<Counts> => JSON.parse((await getFrom(`${api.url}${path}?mode=read`, known[0]!)).text) as Counts;

describe('a hot hit counter', () => {
  let visits = 0;

  it('unsharded, admits one item’s rate of hits and answers the rest 503', async () => {
    // Twenty visitors known to the counter, ten per window (a new visitor writes the counter twice).
    for (const addresses of [known.slice(0, 10), known.slice(10)]) {
      throttle.nextWindow();
      for (const address of addresses) expect((await getFrom(`${api.url}${path}`, address)).status).toBe(200);
    }
    visits = known.length;
    const window = await burst(60, known);
    expect(window).toMatchObject({ ok: perItem, unavailable: 60 - perItem, hottestItem: perItem });
    visits += window.ok;
    expect(await read()).toEqual({ visit: visits, visitor: known.length });
  });

  it(`shards itself on the next window, then admits ${shardCount} × the rate of one item, exactly`, async () => {
    const sharding = await burst(60, known);
    expect(sharding).toMatchObject({ ok: 60, unavailable: 0 });
    visits += sharding.ok;
    const full = await burst(shardCount * perItem, known);
    expect(full).toMatchObject({ ok: shardCount * perItem, unavailable: 0, hottestItem: perItem });
    visits += full.ok;
    expect(Math.max(...full.answered.map(({ visit }) => visit))).toBeLessThanOrEqual(visits);
    expect(await read()).toEqual({ visit: visits, visitor: known.length });
  });

  it('counts new visitors on the shards too, exactly, and answers lower bounds', async () => {
    const window = await burst(newcomers.length, newcomers);
    expect(window).toMatchObject({ ok: newcomers.length, unavailable: 0 });
    visits += window.ok;
    const final = await read();
    expect(final).toEqual({ visit: visits, visitor: known.length + newcomers.length });
    for (const { visit, visitor } of window.answered) {
      expect(visit).toBeLessThanOrEqual(final.visit);
      expect(visitor).toBeLessThanOrEqual(final.visitor);
    }
  });

  it('mode=read sums the base and its shards in one round trip', async () => {
    const { result, calls } = await dynamodb.during(() => getFrom(`${api.url}${path}.svg?mode=read`, known[0]!));
    expect(result.text).toContain(`aria-label="visits: ${visits}"`);
    expect({ roundTrips: sequentialRoundTrips(calls), calls: calls.map(({ command }) => command) }).toEqual({ roundTrips: 1, calls: ['BatchGetItemCommand'] });
    expect(calls[0]!.accesses).toHaveLength(1 + shardCount);
    expectAllowedByRoute('hits', calls);
  });
});
