import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const maxAttempts = 6;

/**
 * Reads up to 100 items in one BatchGetItem, retrying (with backoff) whatever DynamoDB leaves
 * unprocessed; strongly consistent, because counts are read right after they are written.
 */
export const batchGetAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === maxAttempts) {
      // What BatchGetItem leaves unprocessed is throttled: let the caller see a retryable error (503).
      throw Object.assign(new Error('DynamoDB left items of a batch read unprocessed'), { $retryable: { throttling: true } });
    }
    if (attempt > 0) await new Promise((wake) => setTimeout(wake, 25 * 2 ** attempt));
    const { Responses, UnprocessedKeys } = await client.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(Responses?.[tableName] ?? []));
    pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return items;
};
