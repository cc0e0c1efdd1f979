import { afterAll, describe, expect, it } from 'vitest';
import { keyPrefixes } from '../../lambdas/shared/keys.ts';
import { table } from '../../lambdas/shared/table.ts';
import { type DynamoDBCall, expectAllowedByRoute, sequentialRoundTrips, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { getFrom, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * Counts the DynamoDB requests of each kind of hit, through the real handler and DynamoDB Local,
 * and how many of them had to wait for another: the sequential round trips, which is what a
 * request's latency is made of. Every request must be allowed by the route's IAM actions.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();

/** A call with the attribute an UpdateItem adds to, or `marker` for the visitor's marker. */
const describeCall = ({ command, input }: DynamoDBCall) => {
  const marker = (input.Key?.[table.partitionKey] as string | undefined)?.startsWith(keyPrefixes.hitVisitor);
  const adds = input.ExpressionAttributeNames?.['#attribute'] ?? (marker ? 'marker' : undefined);
  return adds ? `${command} ${adds}` : command;
};

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
    const { result: response, calls } = await dynamodb.during(() => getFrom(`${api.url}${path}`, ip));
    measured[kind] = { roundTrips: sequentialRoundTrips(calls), calls: calls.map(describeCall).sort() };
    expect({ status: response.status, ...measured[kind] }).toEqual({ status, roundTrips, calls: expectedCalls });
    expectAllowedByRoute('hits', calls);
  });

  afterAll(() => {
    console.log('DynamoDB requests per hit (sequential round trips: requests)');
    for (const [kind, { roundTrips, calls: made }] of Object.entries(measured)) console.log(`  ${kind}: ${roundTrips}: ${made.join(', ') || 'none'}`);
  });
});
