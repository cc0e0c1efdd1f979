import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { countapiStats } from '../../lambdas/countapi/http.ts';
import { uniqueName, useLocalApi } from '../helpers.ts';

/**
 * Counts the DynamoDB requests each CountAPI route sends, through the real handlers and DynamoDB
 * Local. Statistics flushes (one per container per interval, in parallel) are switched off here.
 */
const api = useLocalApi();
const calls: string[] = [];

beforeAll(() => {
  countapiStats.flushIntervalMs = Infinity;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName as string);
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
});
afterAll(() => {
  documentClient.middlewareStack.remove('countCalls');
});

const callsOf = async (path: string) => {
  calls.length = 0;
  const response = await api.fetch(path);
  await response.arrayBuffer();
  return { status: response.status, calls: [...calls] };
};

describe('DynamoDB requests per CountAPI route', () => {
  const key = uniqueName();
  it.each([
    [`/create?key=${key}&enable_reset=1&update_upperbound=5`, 200, ['TransactWriteItemsCommand']],
    [`/hit/${key}`, 200, ['UpdateItemCommand']],
    [`/hit/${uniqueName()}`, 200, ['UpdateItemCommand']],
    [`/get/${key}`, 200, ['GetItemCommand']],
    [`/set/${key}?value=10`, 200, ['UpdateItemCommand']],
    [`/update/${key}?amount=5`, 200, ['UpdateItemCommand']],
    [`/update/${key}?amount=6`, 403, ['UpdateItemCommand']],
    [`/info/${key}`, 200, ['GetItemCommand']],
    ['/stats', 200, ['BatchGetItemCommand']],
    [`/get/${uniqueName()}`, 404, ['GetItemCommand']],
    ['/hit/no', 400, []],
  ])('%s -> %i with %j', async (path, status, expected) => {
    expect(await callsOf(path)).toEqual({ status, calls: expected });
  });
});
