import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { countapiStats } from '../../lambdas/countapi/http.ts';
import { routes } from '../../lib/routes.ts';
import { uniqueName, useLocalApi } from '../helpers.ts';

/**
 * Counts the DynamoDB requests each CountAPI route sends, through the real handlers and DynamoDB
 * Local, and checks that each is allowed by the route's IAM actions in the route table (DynamoDB
 * Local does not enforce IAM, so a missing action would otherwise only show in AWS).
 * Statistics flushes (one per container per interval, in parallel) are switched off here.
 */
const api = useLocalApi();
const calls: { command: string; actions: string[] }[] = [];

const transactionActions: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
const iamActionsOf = (command: string, input: { TransactItems?: Record<string, unknown>[] }) =>
  command === 'TransactWriteItemsCommand'
    ? (input.TransactItems ?? []).flatMap((item) => Object.keys(item).map((operation) => transactionActions[operation]!))
    : [command.replace(/Command$/, '')];

beforeAll(() => {
  countapiStats.flushes.intervalMs = Infinity;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName as string;
      calls.push({ command, actions: iamActionsOf(command, args.input as { TransactItems?: Record<string, unknown>[] }) });
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
});
afterAll(() => {
  countapiStats.flushes.intervalMs = 10_000;
  documentClient.middlewareStack.remove('countCalls');
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
    calls.length = 0;
    const response = await api.fetch(path);
    await response.arrayBuffer();
    expect({ status: response.status, calls: calls.map(({ command }) => command) }).toEqual({ status, calls: expected });
    const allowed = routes.find(({ id }) => id === routeId)!.tableActions as string[];
    expect(allowed).toEqual(expect.arrayContaining(calls.flatMap(({ actions }) => actions)));
  });
});
