import { afterAll, beforeAll, expect } from 'vitest';
import { documentClient } from '../lambdas/shared/dynamodb.ts';
import { table } from '../lambdas/shared/table.ts';
import { routes, type TableAction } from '../lib/routes.ts';
import { isReadAction } from '../lib/validate-routes.ts';

/**
 * Records the DynamoDB calls the handlers send through the shared document client, for the tests
 * that count requests and round trips or check them against the route table. DynamoDB Local does
 * not enforce IAM, so these recordings are where a missing action or key prefix shows before AWS.
 */

type Input = Record<string, any>;

/** What IAM authorizes: one action on one partition key. */
interface Access {
  action: string;
  pk: string | undefined;
}

export interface DynamoDBCall {
  /** The SDK's command name, e.g. `UpdateItemCommand`. */
  command: string;
  /** The input as the handler wrote it (document form, before marshalling). */
  input: Input;
  /** Every item the call touches, as IAM sees it: a transaction's or a batch's items one by one. */
  accesses: Access[];
  /** The IAM actions the call needs. */
  actions: string[];
  /** Capacity units DynamoDB reports for the call, on the read or the write side. */
  capacity: { read: number; write: number };
  /** Positions on one counter shared by all calls: a call that started after another ended had to wait for it. */
  startedAt: number;
  endedAt: number;
}

const pkOf = (item: Input | undefined) => item?.[table.partitionKey] as string | undefined;

export const accessesOf = (command: string, input: Input): Access[] => {
  const action = command.replace(/Command$/, '');
  switch (command) {
    case 'TransactWriteItemsCommand':
      return (input.TransactItems as Input[]).flatMap((item) =>
        Object.entries(item).map(([operation, request]) => ({ action: `${operation}Item`, pk: pkOf(request.Key ?? request.Item) })),
      );
    case 'BatchGetItemCommand':
      return Object.values(input.RequestItems as Record<string, { Keys: Input[] }>).flatMap(({ Keys }) => Keys.map((key) => ({ action, pk: pkOf(key) })));
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems as Record<string, Input[]>).flatMap((requests) =>
        requests.map((request) => ({ action, pk: pkOf(request.PutRequest?.Item ?? request.DeleteRequest?.Key) })),
      );
    case 'QueryCommand':
      return [{ action, pk: input.ExpressionAttributeValues?.[':pk'] as string | undefined }];
    default:
      return [{ action, pk: pkOf(input.Key ?? input.Item) }];
  }
};

const capacityOf = (command: string, reply: { ConsumedCapacity?: unknown } | undefined) => {
  const consumed = ([] as { CapacityUnits?: number }[]).concat((reply?.ConsumedCapacity as never) ?? []);
  const units = consumed.reduce((sum, item) => sum + (item.CapacityUnits ?? 0), 0);
  return isReadAction(command.replace(/Command$/, '') as TableAction) ? { read: units, write: 0 } : { read: 0, write: units };
};

const middlewareName = 'recordDynamoDBCalls';

/**
 * Records every call while the current test file runs. `during(send)` forgets what came before,
 * runs `send` (which should read the answer to its end, so that the request's calls are all made)
 * and returns its result with the calls it caused.
 */
export const useDynamoDBCalls = () => {
  const calls: DynamoDBCall[] = [];
  let tick = 0;
  beforeAll(() => {
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName as string;
        const input = args.input as Input;
        const accesses = accessesOf(command, input);
        const call: DynamoDBCall = {
          command,
          input,
          accesses,
          actions: [...new Set(accesses.map(({ action }) => action))],
          capacity: { read: 0, write: 0 },
          startedAt: tick++,
          endedAt: Infinity,
        };
        calls.push(call);
        // DynamoDB reports consumed capacity only when asked; the handlers never ask.
        input.ReturnConsumedCapacity = 'TOTAL';
        try {
          const result = await next(args);
          call.capacity = capacityOf(command, result.output as { ConsumedCapacity?: unknown });
          return result;
        } catch (error) {
          call.capacity = capacityOf(command, error as { ConsumedCapacity?: unknown });
          throw error;
        } finally {
          call.endedAt = tick++;
        }
      },
      { step: 'initialize', name: middlewareName },
    );
  });
  afterAll(() => {
    documentClient.middlewareStack.remove(middlewareName);
  });
  return {
    async during<T>(send: () => Promise<T>): Promise<{ result: T; calls: DynamoDBCall[] }> {
      calls.length = 0;
      const result = await send();
      return { result, calls: [...calls] };
    },
  };
};

/**
 * The calls' sequential round trips, what a request's latency is made of: a call's round trip is
 * one more than the latest of the calls that ended before it started.
 */
export const sequentialRoundTrips = (calls: DynamoDBCall[]): number => {
  const depth = new Map<DynamoDBCall, number>();
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const before = calls.filter((other) => other.endedAt < call.startedAt).map((other) => depth.get(other)!);
    depth.set(call, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
};

/** Every call must be allowed by the route's IAM actions in the route table. */
export const expectAllowedByRoute = (routeId: string, calls: DynamoDBCall[]) => {
  const allowed = routes.find(({ id }) => id === routeId)!.tableActions as string[];
  expect(allowed).toEqual(expect.arrayContaining(calls.flatMap(({ actions }) => actions)));
};
