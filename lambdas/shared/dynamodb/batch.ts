import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandInput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { retrying, retryPolicy } from './retry.ts';

/**
 * What a batch leaves unprocessed is what DynamoDB throttled: once the retries run out, the caller
 * sees a retryable error (a 503), like any other throttling.
 */
class UnprocessedItemsError extends Error {
  readonly $retryable = { throttling: true };

  constructor(operation: string) {
    super(`DynamoDB left items of a batch ${operation} unprocessed`);
    this.name = 'UnprocessedItemsError';
  }
}

/** Sends `pending` until `send` reports nothing left unprocessed, under the retry policy. */
const untilProcessed = async <T>(operation: string, pending: T[], send: (batch: T[]) => Promise<T[]>, policy = retryPolicy): Promise<void> => {
  if (pending.length === 0) return;
  await retrying(
    async () => {
      pending = await send(pending);
      if (pending.length > 0) throw new UnprocessedItemsError(operation);
    },
    (error) => error instanceof UnprocessedItemsError,
    policy,
  );
};

/** Reads up to 100 items in one BatchGetItem; strongly consistent, because counts are read right after they are written. */
export const batchGetAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: Record<string, unknown>[],
  policy = retryPolicy,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  await untilProcessed(
    'read',
    keys,
    async (pending) => {
      const { Responses, UnprocessedKeys } = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      items.push(...(Responses?.[tableName] ?? []));
      return UnprocessedKeys?.[tableName]?.Keys ?? [];
    },
    policy,
  );
  return items;
};

export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** BatchWriteItem takes at most 25 requests. */
const maxWritesPerBatch = 25;

/** Writes any number of put and delete requests, 25 per BatchWriteItem. */
export const batchWriteAll = async (client: DynamoDBDocumentClient, tableName: string, requests: WriteRequest[], policy = retryPolicy): Promise<void> => {
  for (let start = 0; start < requests.length; start += maxWritesPerBatch) {
    await untilProcessed(
      'write',
      requests.slice(start, start + maxWritesPerBatch),
      async (pending) => {
        const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        return UnprocessedItems?.[tableName] ?? [];
      },
      policy,
    );
  }
};
