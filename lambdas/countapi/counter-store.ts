import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  absentOrExpiredCondition,
  epochSeconds,
  expiryAfter,
  expiryNames,
  isLive,
  liveCondition,
  maxCounterValue as maxValue,
  staysInRange,
} from '../shared/counter-item.ts';
import { conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { countapiCounterKey as counterKey, countapiCounterShardKey } from '../shared/keys.ts';
import { createWithinLimit, type Creator, publicCounterLifetimeSeconds } from '../shared/public-creation.ts';
import { countSharded, readSharded, type ShardedCounter, withShards } from '../shared/sharded-counter.ts';

/**
 * CountAPI counters in DynamoDB. Every operation is one conditional request against the counter's
 * item (a creation, by `create` or by a `hit` on a missing counter, adds the creator's rate-limit
 * window to the same transaction), so counts are exact under any concurrency and nothing is ever
 * read, modified and written back.
 *
 * Expiry follows lambdas/shared/counter-item.ts: a counter past its `expiresAt` is missing, and a
 * hit or create on it starts it afresh.
 *
 * A hot counter spreads its hits over shards (lambdas/shared/sharded-counter.ts), and every read
 * and answer that shows its value sums them. Only a counter that can never go down shards (not
 * resettable, lower update bound 0, as every hit-created counter is): `set` never has shards to
 * reset, and a hit's answer (the count as this container last saw it) is a lower bound. It must
 * also be below half the safe range when it shards, because shards are not range-checked: from
 * there, passing the range would take 4.5 * 10^15 hits.
 */

export interface CounterName {
  namespace: string;
  key: string;
}

export interface StoredCounter {
  value: number;
  enableReset: boolean;
  updateLowerbound: number;
  updateUpperbound: number;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch seconds: the table's TTL attribute. */
  expiresAt: number;
}

export class CounterOverflowError extends Error {
  constructor() {
    super(`value would leave the range ±${maxValue}`);
    this.name = 'CounterOverflowError';
  }
}

const expiryFrom = (nowMs: number) => expiryAfter(nowMs, publicCounterLifetimeSeconds);

const sharded = (name: CounterName): ShardedCounter => ({
  base: counterKey(name),
  shard: (index) => countapiCounterShardKey(name, index),
  counts: ['value'],
  shardable: {
    condition: '#enableReset = :false AND #lower >= :zero AND #value <= :shardable',
    names: { '#enableReset': 'enableReset', '#lower': 'updateLowerbound', '#value': 'value' },
    values: { ':false': false, ':zero': 0, ':shardable': Math.floor(maxValue / 2) },
  },
});

/** The value of a counter item as a write or read saw it, with its shards if it has any. */
const totalOf = async (client: DynamoDBDocumentClient, tableName: string, name: CounterName, item: StoredCounter, nowMs: number): Promise<number> =>
  (await withShards(client, tableName, sharded(name), item, nowMs)).value;

/** A fresh counter as `hit` creates it: incrementable by exactly one. */
const freshHitCounter = (nowMs: number): StoredCounter => ({
  value: 1,
  enableReset: false,
  updateLowerbound: 0,
  updateUpperbound: 1,
  createdAt: nowMs,
  expiresAt: expiryFrom(nowMs),
});

export interface HitResult {
  value: number;
  created: boolean;
}

/**
 * Adds one to a live counter (one UpdateItem, of its item or, when hot, of one of its shards). A
 * missing or expired counter is created afresh at 1 (bounds 0..1, not resettable) within the
 * creator's limit: a second round trip, once per counter.
 */
export const hitCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  nowMs: number,
  creator: () => Promise<Creator>,
): Promise<HitResult> => {
  const range = staysInRange(1);
  const hit = await countSharded(client, tableName, sharded(name), { value: 1 }, nowMs, () =>
    conditionalUpdate(client, {
      TableName: tableName,
      Key: counterKey(name),
      UpdateExpression: 'SET #value = #value + :one, #expiresAt = :expiresAt',
      ConditionExpression: `${liveCondition} AND ${range.condition}`,
      ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
      ExpressionAttributeValues: { ':one': 1, ':now': epochSeconds(nowMs), ':expiresAt': expiryFrom(nowMs), ':bound': range.bound },
      // The whole item: it tells whether the counter has shards.
      ReturnValues: 'ALL_NEW',
    }),
  );
  if (hit.applied) return { value: hit.old!.value as number, created: false };
  if (isLive(hit.old, nowMs)) throw new CounterOverflowError();
  const outcome = await createWithinLimit(client, newCounterPut(tableName, name, freshHitCounter(nowMs), nowMs), await creator(), nowMs);
  // 'exists': another request created it first; count on that one.
  return outcome === 'created' ? { value: 1, created: true } : hitCounter(client, tableName, name, nowMs, creator);
};

/** The Put of a new counter, refused while a live one is there (an expired one is replaced). */
const newCounterPut = (tableName: string, name: CounterName, counter: StoredCounter, nowMs: number) => ({
  TableName: tableName,
  Item: { ...counterKey(name), ...counter },
  ConditionExpression: absentOrExpiredCondition('#value'),
  ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
  ExpressionAttributeValues: { ':now': epochSeconds(nowMs) },
});

export const getCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  nowMs: number,
): Promise<StoredCounter | undefined> => {
  const counter = (await readSharded(client, tableName, sharded(name), nowMs)) as StoredCounter | undefined;
  return isLive(counter, nowMs) ? counter : undefined;
};

export type SetResult =
  | { outcome: 'set'; oldValue: number; value: number }
  | { outcome: 'not-resettable'; value: number }
  | { outcome: 'missing' };

export const setCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  value: number,
  nowMs: number,
): Promise<SetResult> => {
  const { applied, old } = await conditionalUpdate<StoredCounter>(client, {
    TableName: tableName,
    Key: counterKey(name),
    UpdateExpression: 'SET #value = :value, #expiresAt = :expiresAt',
    ConditionExpression: `${liveCondition} AND #enableReset = :true`,
    ExpressionAttributeNames: { '#value': 'value', ...expiryNames, '#enableReset': 'enableReset' },
    ExpressionAttributeValues: { ':value': value, ':expiresAt': expiryFrom(nowMs), ':now': epochSeconds(nowMs), ':true': true },
    ReturnValues: 'UPDATED_OLD',
  });
  if (applied) return { outcome: 'set', oldValue: old!.value, value };
  return isLive(old, nowMs) ? { outcome: 'not-resettable', value: await totalOf(client, tableName, name, old, nowMs) } : { outcome: 'missing' };
};

export type UpdateResult = { outcome: 'updated'; value: number } | { outcome: 'out-of-bounds'; value: number } | { outcome: 'missing' };

export const updateCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  amount: number,
  nowMs: number,
): Promise<UpdateResult> => {
  const range = staysInRange(amount);
  const { applied, old } = await conditionalUpdate<StoredCounter>(client, {
    TableName: tableName,
    Key: counterKey(name),
    UpdateExpression: 'SET #value = #value + :amount, #expiresAt = :expiresAt',
    ConditionExpression: `${liveCondition} AND #lower <= :amount AND #upper >= :amount AND ${range.condition}`,
    ExpressionAttributeNames: { '#value': 'value', ...expiryNames, '#lower': 'updateLowerbound', '#upper': 'updateUpperbound' },
    ExpressionAttributeValues: { ':amount': amount, ':expiresAt': expiryFrom(nowMs), ':now': epochSeconds(nowMs), ':bound': range.bound },
    ReturnValues: 'ALL_NEW',
  });
  if (applied) return { outcome: 'updated', value: await totalOf(client, tableName, name, old!, nowMs) };
  if (!isLive(old, nowMs)) return { outcome: 'missing' };
  if (old.updateLowerbound <= amount && amount <= old.updateUpperbound) throw new CounterOverflowError();
  return { outcome: 'out-of-bounds', value: await totalOf(client, tableName, name, old, nowMs) };
};

export interface NewCounter extends CounterName {
  value: number;
  enableReset: boolean;
  updateLowerbound: number;
  updateUpperbound: number;
}

/** Creates a counter unless a live one exists, within the creator's limit: one transaction, and a refused creation consumes nothing. */
export const createCounter = (
  client: DynamoDBDocumentClient,
  tableName: string,
  { namespace, key, ...settings }: NewCounter,
  creator: Creator,
  nowMs: number,
): Promise<'created' | 'exists'> =>
  createWithinLimit(client, newCounterPut(tableName, { namespace, key }, { ...settings, createdAt: nowMs, expiresAt: expiryFrom(nowMs) }, nowMs), creator, nowMs);
