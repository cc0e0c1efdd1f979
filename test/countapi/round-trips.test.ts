import { beforeAll, describe, expect, it } from 'vitest';
import { countapiStats } from '../../lambdas/countapi/http.ts';
import { expectAllowedByRoute, useDynamoDBCalls } from '../dynamodb-calls.ts';
import { getText, uniqueName, useLocalApi } from '../helpers.ts';

/**
 * Counts the DynamoDB requests each CountAPI route sends, through the real handlers and DynamoDB
 * Local, and checks that each is allowed by the route's IAM actions in the route table (DynamoDB
 * Local does not enforce IAM, so a missing action would otherwise only show in AWS).
 * Statistics flushes (one per container per interval, in parallel) are switched off here.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();

beforeAll(() => {
  countapiStats.flushes.intervalMs = Infinity;
});

describe('DynamoDB requests per CountAPI route', () => {
  const key = uniqueName();
  it.each([
    ['countapi-create', `/create?key=${key}&enable_reset=1&update_upperbound=5`, 200, ['TransactWriteItemsCommand']],
    ['countapi-hit', `/hit/${key}`, 200, ['UpdateItemCommand']],
    // A missing counter: the update finds nothing, then one transaction creates it within the creator's limit.
    ['countapi-hit', `/hit/${uniqueName()}`, 200, ['UpdateItemCommand', 'TransactWriteItemsCommand']],
    ['countapi-get', `/get/${key}`, 200, ['GetItemCommand']],
    ['countapi-set', `/set/${key}?value=10`, 200, ['UpdateItemCommand']],
    ['countapi-update', `/update/${key}?amount=5`, 200, ['UpdateItemCommand']],
    ['countapi-update', `/update/${key}?amount=6`, 403, ['UpdateItemCommand']],
    ['countapi-info', `/info/${key}`, 200, ['GetItemCommand']],
    ['countapi-stats', '/stats', 200, ['BatchGetItemCommand']],
    ['countapi-get', `/get/${uniqueName()}`, 404, ['GetItemCommand']],
    ['countapi-hit', '/hit/no', 400, []],
  ])('%s %s -> %i with %j, each allowed by the route table', async (routeId, path, status, expected) => {
    const { result: response, calls } = await dynamodb.during(() => getText(api.fetch(path)));
    expect({ status: response.status, calls: calls.map(({ command }) => command) }).toEqual({ status, calls: expected });
    expectAllowedByRoute(routeId, calls);
  });
});
