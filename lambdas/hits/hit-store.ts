import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { absentOrExpiredCondition, epochSeconds, expiryAfter, expiryNames, isLive, liveCondition } from '../shared/counter-item.ts';
import { conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { hitCounterKey as counterKey, hitCounterShardKey, hitVisitorKey as markerKey } from '../shared/keys.ts';
import { logger } from '../shared/logger.ts';
import { createWithinLimit, type Creator, publicCounterLifetimeSeconds } from '../shared/public-creation.ts';
import { countSharded, readSharded, type ShardedCounter } from '../shared/sharded-counter.ts';
import { table } from '../shared/table.ts';

/**
 * Hit counters in DynamoDB: one counter item per `id/resource` holding `visit` and `visitor`, and
 * one marker item per visitor and counter, keyed by a keyed hash of the IP address, recording the
 * first visit. Like CountAPI's counters, a hit counter lives six months after its last counted hit
 * and then reads as never hit; a visitor's marker lives six months after that visitor's last hit,
 * so it never outlives its counter, and a visitor away longer than that is counted again.
 *
 * A hit adds to a live counter and refreshes the visitor's marker at once, each one UpdateItem: a
 * returning visitor costs one round trip. Only a visitor whose marker is new adds to `visitor`
 * afterwards: two sequential round trips, once per visitor and counter. A missing (or expired)
 * counter is created within the creator's IP creation limit, counting this hit and visitor.
 *
 * Each marker has a partition key of its own. In the counter's partition, every hit would write
 * that partition twice, halving the ~1,000 writes/s one partition takes; spread out, the counter
 * item's own writes are the only limit, and a hot counter spreads those over shards
 * (lambdas/shared/sharded-counter.ts): both `visit` and `visitor`, since on a page that goes
 * viral most hits are new visitors. Its answers are then the lower bounds that module describes.
 */
export interface HitCounterName {
  id: string;
  resource: string;
}

export interface HitCounts {
  visit: number;
  visitor: number;
}

// Counters and markers written before expiry existed have no `expiresAt`: they are live (counter-item.ts), and get one at their next hit.
const expiryFrom = (nowMs: number) => expiryAfter(nowMs, publicCounterLifetimeSeconds);

const sharded = (name: HitCounterName): ShardedCounter => ({ base: counterKey(name), shard: (index) => hitCounterShardKey(name, index), counts: ['visit', 'visitor'] });

const countsOf = (item: Record<string, unknown> | undefined): HitCounts => ({
  visit: (item?.visit as number | undefined) ?? 0,
  visitor: (item?.visitor as number | undefined) ?? 0,
});

/** Adds one visit to a live counter, refreshing its expiry; a missing or expired counter fails the condition. */
const addVisit = (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName, nowMs: number) =>
  countSharded(client, tableName, sharded(name), { visit: 1 }, nowMs, () =>
    conditionalUpdate(client, {
      TableName: tableName,
      Key: counterKey(name),
      UpdateExpression: 'ADD #attribute :one SET #expiresAt = :expiresAt',
      ConditionExpression: `attribute_exists(#attribute) AND ${liveCondition}`,
      ExpressionAttributeNames: { '#attribute': 'visit', ...expiryNames },
      ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiryFrom(nowMs), ':now': epochSeconds(nowMs) },
      // Both numbers as they are right after this atomic write: exact, without a read (unless sharded).
      ReturnValues: 'ALL_NEW',
    }),
  );

const addVisitor = (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName, nowMs: number) =>
  countSharded(client, tableName, sharded(name), { visitor: 1 }, nowMs, async () => {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counterKey(name),
        UpdateExpression: 'ADD #attribute :one',
        ExpressionAttributeNames: { '#attribute': 'visitor' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { applied: true, old: Attributes };
  });

type MarkerClaim = 'returning' | 'new' | 'back-after-expiry';

/** Refreshes the visitor's marker, and tells whether it was there (and live) before. */
const claimMarker = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: HitCounterName,
  visitorHash: string,
  nowMs: number,
): Promise<MarkerClaim> => {
  const { Attributes: old } = await client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: markerKey(name, visitorHash),
      UpdateExpression: 'SET #expiresAt = :expiresAt, #firstVisitAt = if_not_exists(#firstVisitAt, :nowMs)',
      ExpressionAttributeNames: { ...expiryNames, '#firstVisitAt': 'firstVisitAt' },
      ExpressionAttributeValues: { ':expiresAt': expiryFrom(nowMs), ':nowMs': nowMs },
      ReturnValues: 'ALL_OLD',
    }),
  );
  if (!old) return 'new';
  return isLive(old, nowMs) ? 'returning' : 'back-after-expiry';
};

/** A marker that outlived its expiry (TTL deletes late) starts a new life: its first visit is now. */
const restartMarker = (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName, visitorHash: string, nowMs: number) =>
  client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: markerKey(name, visitorHash),
      UpdateExpression: 'SET #firstVisitAt = :nowMs',
      ExpressionAttributeNames: { '#firstVisitAt': 'firstVisitAt' },
      ExpressionAttributeValues: { ':nowMs': nowMs },
    }),
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

/** Adds a visit, and a visitor if `visitorHash` has not been seen on this counter (in its marker's lifetime). */
export const countHit = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: HitCounterName,
  visitorHash: string,
  nowMs: number,
  creator: () => Promise<Creator>,
): Promise<HitCounts> => {
  const [visit, marker] = await Promise.allSettled([addVisit(client, tableName, name, nowMs), claimMarker(client, tableName, name, visitorHash, nowMs)]);
  const isNewVisitor = marker.status === 'fulfilled' && marker.value !== 'returning';
  try {
    if (marker.status === 'rejected') throw marker.reason;
    if (visit.status === 'rejected') throw visit.reason;
    let counted = visit.value.old;
    if (!visit.value.applied) {
      // No live counter: create it with this hit (and visitor) counted, unless another request just did.
      const fresh = { visit: 1, visitor: isNewVisitor ? 1 : 0 };
      const put = {
        TableName: tableName,
        Item: { ...counterKey(name), ...fresh, createdAt: nowMs, [table.expiresAt]: expiryFrom(nowMs) },
        ConditionExpression: absentOrExpiredCondition('#visit'),
        ExpressionAttributeNames: { '#visit': 'visit', ...expiryNames },
        ExpressionAttributeValues: { ':now': epochSeconds(nowMs) },
      };
      if ((await createWithinLimit(client, put, await creator(), nowMs)) === 'created') {
        if (marker.value === 'back-after-expiry') await restartMarker(client, tableName, name, visitorHash, nowMs);
        return fresh;
      }
      const again = await addVisit(client, tableName, name, nowMs);
      if (!again.applied) throw new Error('The hit counter another request just created is already gone');
      counted = again.old;
    }
    if (!isNewVisitor) return countsOf(counted);
    // Read from the latest write: the visit count includes this hit and any that landed since.
    const [{ old: latest }] = await Promise.all([
      addVisitor(client, tableName, name, nowMs),
      marker.value === 'back-after-expiry' ? restartMarker(client, tableName, name, visitorHash, nowMs) : undefined,
    ]);
    return countsOf(latest);
  } catch (error) {
    if (isNewVisitor) await releaseMarker(client, tableName, name, visitorHash);
    throw error;
  }
};

/** The current numbers, without counting anything; a counter never hit, or expired, reads as zeros. */
export const readHits = async (client: DynamoDBDocumentClient, tableName: string, name: HitCounterName, nowMs: number): Promise<HitCounts> => {
  const counter = await readSharded(client, tableName, sharded(name), nowMs);
  return countsOf(isLive(counter, nowMs) ? counter : undefined);
};
