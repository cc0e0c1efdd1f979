import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { table } from './table-keys.ts';

const prefixQuery = (tableName: string, partitionKey: string, sortKeyPrefix: string) => ({
  TableName: tableName,
  KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
  ExpressionAttributeNames: { '#pk': table.partitionKey, '#sk': table.sortKey },
  ExpressionAttributeValues: { ':pk': partitionKey, ':prefix': sortKeyPrefix },
  ConsistentRead: true,
});

/** Every item of one partition whose sort key starts with `sortKeyPrefix`, across all pages; strongly consistent. */
export const queryPartition = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  partitionKey: string,
  sortKeyPrefix: string,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...prefixQuery(tableName, partitionKey, sortKeyPrefix), ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

export interface PageRequest {
  limit: number;
  /** The decoded cursor. */
  cursor?: string;
}

export interface Page<Item> {
  items: Item[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of `queryPartition`, in sort-key order. The partition comes from the caller, never from
 * the cursor, so a cursor cannot reach another owner's items; and prefix + cursor stays inside the
 * Query's key condition, so a forged cursor can only skip ahead within the caller's own listing.
 */
export const queryPage = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  partitionKey: string,
  sortKeyPrefix: string,
  { limit, cursor: after }: PageRequest,
): Promise<Page<Record<string, unknown>>> => {
  const { Items = [], LastEvaluatedKey } = await client.send(
    new QueryCommand({
      ...prefixQuery(tableName, partitionKey, sortKeyPrefix),
      // One item more than asked shows whether another page exists, so the last page says so (nextCursor null).
      Limit: limit + 1,
      ExclusiveStartKey: after === undefined ? undefined : { [table.partitionKey]: partitionKey, [table.sortKey]: sortKeyPrefix + after },
    }),
  );
  const items = Items.slice(0, limit);
  const last = items.at(-1);
  const more = Items.length > limit || LastEvaluatedKey !== undefined; // the latter: DynamoDB's 1 MB page ended first
  return {
    items,
    nextCursor: more && last ? Buffer.from((last[table.sortKey] as string).slice(sortKeyPrefix.length), 'utf8').toString('base64url') : null,
  };
};
