import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { countapiCounterKey as counterKey } from '../shared/keys.ts';
import { table } from '../shared/table.ts';
import { createWithinLimit, type Creator, publicCounterLifetimeSeconds } from '../shared/public-creation.ts';

/**
 * CountAPI counters in DynamoDB. Every operation is one conditional request against the counter's
 * item (a creation, by `create` or by a `hit` on a missing counter, adds the creator's rate-limit
 * window to the same transaction), so counts are exact under any concurrency and nothing is ever
 * read, modified and written back.
 *
 * An item whose `expiresAt` has passed is treated as missing even while TTL has not deleted it:
 * every condition requires `expiresAt > now`, and a hit or create on such an item starts it afresh.
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

const maxValue = Number.MAX_SAFE_INTEGER;

export class CounterOverflowError extends Error {
  constructor() {
    super(`value would leave the range ±${maxValue}`);
    this.name = 'CounterOverflowError';
  }
}

const nowSeconds = (nowMs: number) => Math.floor(nowMs / 1000);
const expiryFrom = (nowMs: number) => nowSeconds(nowMs) + publicCounterLifetimeSeconds;
const isLive = (item: StoredCounter | undefined, nowMs: number): item is StoredCounter =>
  item !== undefined && item.expiresAt > nowSeconds(nowMs);

/** The item a failed condition saw (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
const itemOf = (error: ConditionalCheckFailedException) =>
  error.Item ? (unmarshall(error.Item) as StoredCounter) : undefined;

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
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counterKey(name),
        UpdateExpression: 'SET #value = #value + :one, #expiresAt = :expiresAt',
        ConditionExpression: '#expiresAt > :nowSeconds AND #value < :max',
        ExpressionAttributeNames: { '#value': 'value', '#expiresAt': table.expiresAt },
        ExpressionAttributeValues: { ':one': 1, ':nowSeconds': nowSeconds(nowMs), ':expiresAt': expiryFrom(nowMs), ':max': maxValue },
        ReturnValues: 'UPDATED_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { value: (Attributes as StoredCounter).value, created: false };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (isLive(itemOf(error), nowMs)) throw new CounterOverflowError();
  }
  const outcome = await createWithinLimit(client, newCounterPut(tableName, name, freshHitCounter(nowMs), nowMs), await creator(), nowMs);
  // 'exists': another request created it first; count on that one.
  return outcome === 'created' ? { value: 1, created: true } : hitCounter(client, tableName, name, nowMs, creator);
};

/** The Put of a new counter, refused while a live one is there (an expired one is replaced). */
const newCounterPut = (tableName: string, name: CounterName, counter: StoredCounter, nowMs: number) => ({
  TableName: tableName,
  Item: { ...counterKey(name), ...counter },
  ConditionExpression: 'attribute_not_exists(#expiresAt) OR #expiresAt <= :nowSeconds',
  ExpressionAttributeNames: { '#expiresAt': table.expiresAt },
  ExpressionAttributeValues: { ':nowSeconds': nowSeconds(nowMs) },
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
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counterKey(name),
        UpdateExpression: 'SET #value = :value, #expiresAt = :expiresAt',
        ConditionExpression: '#expiresAt > :nowSeconds AND #enableReset = :true',
        ExpressionAttributeNames: { '#value': 'value', '#expiresAt': table.expiresAt, '#enableReset': 'enableReset' },
        ExpressionAttributeValues: { ':value': value, ':expiresAt': expiryFrom(nowMs), ':nowSeconds': nowSeconds(nowMs), ':true': true },
        ReturnValues: 'UPDATED_OLD',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { outcome: 'set', oldValue: (Attributes as { value: number }).value, value };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = itemOf(error);
    return isLive(current, nowMs) ? { outcome: 'not-resettable', value: current.value } : { outcome: 'missing' };
  }
};

export type UpdateResult = { outcome: 'updated'; value: number } | { outcome: 'out-of-bounds'; value: number } | { outcome: 'missing' };

export const updateCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  amount: number,
  nowMs: number,
): Promise<UpdateResult> => {
  // DynamoDB conditions cannot do arithmetic, so "value + amount stays a safe integer" becomes a
  // bound on the current value, computed here.
  const staysInRange = amount >= 0 ? '#value <= :limit' : '#value >= :limit';
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counterKey(name),
        UpdateExpression: 'SET #value = #value + :amount, #expiresAt = :expiresAt',
        ConditionExpression: `#expiresAt > :nowSeconds AND #lower <= :amount AND #upper >= :amount AND ${staysInRange}`,
        ExpressionAttributeNames: { '#value': 'value', '#expiresAt': table.expiresAt, '#lower': 'updateLowerbound', '#upper': 'updateUpperbound' },
        ExpressionAttributeValues: {
          ':amount': amount,
          ':expiresAt': expiryFrom(nowMs),
          ':nowSeconds': nowSeconds(nowMs),
          ':limit': amount >= 0 ? maxValue - amount : -maxValue - amount,
        },
        ReturnValues: 'UPDATED_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { outcome: 'updated', value: (Attributes as { value: number }).value };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = itemOf(error);
    if (!isLive(current, nowMs)) return { outcome: 'missing' };
    if (current.updateLowerbound <= amount && amount <= current.updateUpperbound) throw new CounterOverflowError();
    return { outcome: 'out-of-bounds', value: current.value };
  }
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
