import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { routes } from '../../lib/routes.ts';
import { getFrom, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * Counts the DynamoDB requests of each kind of hit, through the real handler and DynamoDB Local,
 * and how many of them had to wait for another: the sequential round trips, which is what a
 * request's latency is made of. Every request must be allowed by the route's IAM actions.
 */
const api = useLocalApi();

interface Call {
  command: string;
  /** The attribute an UpdateItem adds to, or `marker` for the visitor's marker. */
  adds?: string;
  /** The IAM actions of a transaction's items. */
  actions?: string[];
  startedAt: number;
  endedAt: number;
}
const calls: Call[] = [];
let tick = 0;

beforeAll(() => {
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ExpressionAttributeNames?: Record<string, string>; Key?: { pk?: string } };
      const adds = input.ExpressionAttributeNames?.['#attribute'] ?? (input.Key?.pk?.startsWith('hits-visitor#') ? 'marker' : undefined);
      const transactItems = (args.input as { TransactItems?: Record<string, unknown>[] }).TransactItems;
      const actions = transactItems?.flatMap((item) => Object.keys(item).map((operation) => `${operation}Item`));
      const call: Call = { command: context.commandName as string, adds, actions, startedAt: tick++, endedAt: Infinity };
      calls.push(call);
      try {
        return await next(args);
      } finally {
        call.endedAt = tick++;
      }
    },
    { step: 'initialize', name: 'recordCalls' },
  );
});
afterAll(() => {
  documentClient.middlewareStack.remove('recordCalls');
});

/** A call's round trip is one more than the latest of the calls that ended before it started. */
const sequentialRoundTrips = (requestCalls: Call[]): number => {
  const depth = new Map<Call, number>();
  for (const call of [...requestCalls].sort((a, b) => a.startedAt - b.startedAt)) {
    const before = requestCalls.filter((other) => other.endedAt < call.startedAt).map((other) => depth.get(other)!);
    depth.set(call, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
};

const describeCalls = (requestCalls: Call[]) => requestCalls.map(({ command, adds }) => (adds ? `${command} ${adds}` : command)).sort();

const resource = uniqueName();
const measured: Record<string, { roundTrips: number; calls: string[] }> = {};

describe('DynamoDB round trips per hit', () => {
  it.each([
    // The first hit on a counter: the visit finds no counter, then one transaction creates it (within the IP's creation limit) with this visitor counted.
    ['a new counter', `/hits/site.example/${resource}`, '127.0.0.2', 200, 2, ['TransactWriteItemsCommand', 'UpdateItemCommand marker', 'UpdateItemCommand visit']],
    ['a returning visitor', `/hits/site.example/${resource}`, '127.0.0.2', 200, 1, ['UpdateItemCommand marker', 'UpdateItemCommand visit']],
    ['a new visitor, image', `/hits/site.example/${resource}.svg?theme=pixel`, '127.0.0.3', 200, 2, ['UpdateItemCommand marker', 'UpdateItemCommand visit', 'UpdateItemCommand visitor']],
    ['a returning visitor, image', `/hits/site.example/${resource}.svg?theme=pixel`, '127.0.0.3', 200, 1, ['UpdateItemCommand marker', 'UpdateItemCommand visit']],
    ['mode=read', `/hits/site.example/${resource}?mode=read`, '127.0.0.4', 200, 1, ['GetItemCommand']],
    ['mode=read, image', `/hits/site.example/${resource}.svg?mode=read`, '127.0.0.4', 200, 1, ['GetItemCommand']],
    ['a refused request', `/hits/site.example/${resource}.svg?digits=99`, '127.0.0.4', 400, 0, []],
  ])('%s: %s from %s -> %i in %i sequential round trips', async (kind, path, ip, status, roundTrips, expectedCalls) => {
    calls.length = 0;
    const response = await getFrom(`${api.url}${path}`, ip);
    const requestCalls = [...calls];
    measured[kind] = { roundTrips: sequentialRoundTrips(requestCalls), calls: describeCalls(requestCalls) };
    expect({ status: response.status, ...measured[kind] }).toEqual({ status, roundTrips, calls: expectedCalls });
    const allowed = routes.find(({ id }) => id === 'hits')!.tableActions as string[];
    expect(allowed).toEqual(expect.arrayContaining(requestCalls.flatMap(({ command, actions }) => actions ?? [command.replace(/Command$/, '')])));
  });

  afterAll(() => {
    console.log('DynamoDB requests per hit (sequential round trips: requests)');
    for (const [kind, { roundTrips, calls: made }] of Object.entries(measured)) console.log(`  ${kind}: ${roundTrips}: ${made.join(', ') || 'none'}`);
  });
});
