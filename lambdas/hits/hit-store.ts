import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { applied } from '../shared/conditional-update.ts';
import { logger } from '../shared/logger.ts';
import { table } from '../shared/table.ts';

/**
 * Hit counters in DynamoDB: one counter item per `id/resource` holding `visit` and `visitor`, and
 * one marker item per visitor and counter, keyed by a keyed hash of the IP address, recording the
 * first visit. Nothing expires: hit counters and their visitors live forever.
 *
 * A hit adds to the counter with `ADD` and claims the visitor's marker with a conditional `Put`,
 * both at once: a returning visitor costs one round trip. Only a visitor whose marker is new adds
 * to `visitor` afterwards: two sequential round trips, once per visitor and counter.
 *
 * Each marker has a partition key of its own. In the counter's partition, every hit would write
 * that partition twice (a conditional Put that fails still consumes a write), halving the ~1,000
 * writes/s one partition takes; spread out, the counter item's own writes are the only limit.
 */

export interface HitCounterName {
  id: string;
  resource: string;
}

export interface HitCounts {
  visit: number;
  visitor: number;
}

// Names cannot contain `#` (they match namePattern), so these keys are unambiguous.
export const counterKey = ({ id, resource }: HitCounterName) => ({ [table.partitionKey]: `hits#${id}#${resource}`, [table.sortKey]: 'counter' });
export const markerKey = ({ id, resource }: HitCounterName, visitorHash: string) => ({
  [table.partitionKey]: `hits-visitor#${id}#${resource}#${visitorHash}`,
  [table.sortKey]: 'visitor',
});

const countsOf = (item: Record<string, unknown> | undefined): HitCounts => ({
  visit: (item?.visit as number | undefined) ?? 0,
  visitor: (item?.visitor as number | undefined) ?? 0,
});

const add = (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName, attribute: 'visit' | 'visitor') =>
  client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: counterKey(name),
      UpdateExpression: 'ADD #attribute :one',
      ExpressionAttributeNames: { '#attribute': attribute },
      ExpressionAttributeValues: { ':one': 1 },
      // Both numbers as they are right after this atomic write: exact, without a read.
      ReturnValues: 'ALL_NEW',
    }),
  );

/** True when this request placed the marker (a new visitor), false when it was there already. */
const claimMarker = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: HitCounterName,
  visitorHash: string,
  nowMs: number,
): Promise<boolean> =>
  applied(
    client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...markerKey(name, visitorHash), firstVisitAt: nowMs },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': table.partitionKey },
      }),
    ),
  );

/**
 * A marker whose visitor could not be counted is removed again, so that the visitor's next hit
 * counts them; otherwise the marker would make them look known forever. Best effort: if this
 * fails too, that one visitor stays uncounted, which the log says (without the address).
 */
const releaseMarker = async (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName, visitorHash: string) => {
  try {
    await client.send(new DeleteCommand({ TableName: tableName, Key: markerKey(name, visitorHash) }));
  } catch (error) {
    logger.error('A new visitor was not counted and its marker could not be released', { errorName: (error as Error).name });
  }
};

/** Adds a visit, and a visitor if `visitorHash` has not been seen on this counter before. */
export const countHit = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: HitCounterName,
  visitorHash: string,
  nowMs: number,
): Promise<HitCounts> => {
  const [visit, marker] = await Promise.allSettled([
    add(client, tableName, name, 'visit'),
    claimMarker(client, tableName, name, visitorHash, nowMs),
  ]);
  const isNewVisitor = marker.status === 'fulfilled' && marker.value;
  try {
    if (visit.status === 'rejected') throw visit.reason;
    if (marker.status === 'rejected') throw marker.reason;
    // Read from the latest write: the visit count includes this hit and any that landed since.
    const { Attributes } = isNewVisitor ? await add(client, tableName, name, 'visitor') : visit.value;
    return countsOf(Attributes);
  } catch (error) {
    if (isNewVisitor) await releaseMarker(client, tableName, name, visitorHash);
    throw error;
  }
};

/** The current numbers, without counting anything; a counter never hit reads as zeros. */
export const readHits = async (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName): Promise<HitCounts> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: counterKey(name), ConsistentRead: true }));
  return countsOf(Item);
};
