import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
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
import { countapiCounterKey as counterKey } from '../shared/keys.ts';
import { createWithinLimit, type Creator, publicCounterLifetimeSeconds } from '../shared/public-creation.ts';

/**
 * CountAPI counters in DynamoDB. Every operation is one conditional request against the counter's
 * item (a creation, by `create` or by a `hit` on a missing counter, adds the creator's rate-limit
 * window to the same transaction), so counts are exact under any concurrency and nothing is ever
 * read, modified and written back.
 *
 * Expiry follows lambdas/shared/counter-item.ts: a counter past its `expiresAt` is missing, and a
 * hit or create on it starts it afresh.
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
 * Adds one to a live counter (one UpdateItem). A missing or expired counter is created afresh at 1
 * (bounds 0..1, not resettable) within the creator's limit: a second round trip, once per counter.
 */
export const hitCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  nowMs: number,
  creator: () => Promise<Creator>,
): Promise<HitResult> => {
  const range = staysInRange(1);
  const hit = await conditionalUpdate<StoredCounter>(client, {
    TableName: tableName,
    Key: counterKey(name),
    UpdateExpression: 'SET #value = #value + :one, #expiresAt = :expiresAt',
    ConditionExpression: `${liveCondition} AND ${range.condition}`,
    ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
    ExpressionAttributeValues: { ':one': 1, ':now': epochSeconds(nowMs), ':expiresAt': expiryFrom(nowMs), ':bound': range.bound },
    ReturnValues: 'UPDATED_NEW',
  });
  if (hit.applied) return { value: hit.old!.value, created: false };
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
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: counterKey(name), ConsistentRead: true }));
  const counter = Item as StoredCounter | undefined;
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
  return isLive(old, nowMs) ? { outcome: 'not-resettable', value: old.value } : { outcome: 'missing' };
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
    ReturnValues: 'UPDATED_NEW',
  });
  if (applied) return { outcome: 'updated', value: old!.value };
  if (!isLive(old, nowMs)) return { outcome: 'missing' };
  if (old.updateLowerbound <= amount && amount <= old.updateUpperbound) throw new CounterOverflowError();
  return { outcome: 'out-of-bounds', value: old.value };
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
