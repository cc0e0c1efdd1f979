import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { table } from '../shared/table.ts';
import { applied } from '../shared/conditional-update.ts';
import { isTransactionConflict } from '../shared/errors.ts';
import { consumeUpdate, type Window } from '../shared/windowed-counter.ts';

/**
 * CountAPI counters in DynamoDB. Every operation is one conditional request against the counter's
 * item (create adds its rate-limit window to the same transaction), so counts are exact under any
 * concurrency and nothing is ever read, modified and written back.
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

/** CountAPI lets keys live six months after their last write; we take that as 183 days. */
export const counterLifetimeSeconds = 183 * 86_400;
const maxValue = Number.MAX_SAFE_INTEGER;

export class CounterOverflowError extends Error {
  constructor() {
    super(`value would leave the range ±${maxValue}`);
    this.name = 'CounterOverflowError';
  }
}

const counterKey = ({ namespace, key }: CounterName) => ({
  [table.partitionKey]: `countapi#${namespace}#${key}`,
  [table.sortKey]: 'counter',
});

const nowSeconds = (nowMs: number) => Math.floor(nowMs / 1000);
const expiryFrom = (nowMs: number) => nowSeconds(nowMs) + counterLifetimeSeconds;
const isLive = (item: StoredCounter | undefined, nowMs: number): item is StoredCounter =>
  item !== undefined && item.expiresAt > nowSeconds(nowMs);

/** The item a failed condition saw (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
const itemOf = (error: ConditionalCheckFailedException) =>
  error.Item ? (unmarshall(error.Item) as StoredCounter) : undefined;

const attributeNames = {
  '#value': 'value',
  '#enableReset': 'enableReset',
  '#lower': 'updateLowerbound',
  '#upper': 'updateUpperbound',
  '#createdAt': 'createdAt',
  '#expiresAt': table.expiresAt,
};

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

/** Adds one, creating the counter (bounds 0..1, not resettable) when missing or expired. */
export const hitCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  nowMs: number,
): Promise<HitResult> => {
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counterKey(name),
        UpdateExpression:
          'SET #value = if_not_exists(#value, :zero) + :one, #enableReset = if_not_exists(#enableReset, :false), ' +
          '#lower = if_not_exists(#lower, :zero), #upper = if_not_exists(#upper, :one), ' +
          '#createdAt = if_not_exists(#createdAt, :nowMs), #expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#value) OR (#expiresAt > :nowSeconds AND #value < :max)',
        ExpressionAttributeNames: attributeNames,
        ExpressionAttributeValues: {
          ':zero': 0,
          ':one': 1,
          ':false': false,
          ':nowMs': nowMs,
          ':nowSeconds': nowSeconds(nowMs),
          ':expiresAt': expiryFrom(nowMs),
          ':max': maxValue,
        },
        // The old item tells both the new value (old + 1, exact: the update was atomic) and
        // whether this hit created the counter.
        ReturnValues: 'ALL_OLD',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return Attributes ? { value: (Attributes as StoredCounter).value + 1, created: false } : { value: 1, created: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (isLive(itemOf(error), nowMs)) throw new CounterOverflowError();
    return restartExpired(client, tableName, name, nowMs);
  }
};

/**
 * Replaces an expired counter by a fresh one. Rare (first hit after six idle months), so this
 * second round trip is off the hot path. If another request restarted it first, hit that one.
 */
const restartExpired = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  name: CounterName,
  nowMs: number,
): Promise<HitResult> => {
  const restarted = await applied(
    client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...counterKey(name), ...freshHitCounter(nowMs) },
        ConditionExpression: '#expiresAt <= :nowSeconds',
        ExpressionAttributeNames: { '#expiresAt': table.expiresAt },
        ExpressionAttributeValues: { ':nowSeconds': nowSeconds(nowMs) },
      }),
    ),
  );
  return restarted ? { value: 1, created: true } : hitCounter(client, tableName, name, nowMs);
};

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

export interface CreationLimit {
  /** Partition key of the creator's rate-limit counter. */
  counterKey: string;
  window: Window;
  limit: number;
}

export type CreateResult = 'created' | 'exists' | 'rate-limited';

const maxConflictRetries = 5;

/**
 * Creates a counter unless a live one exists, and consumes one creation from the creator's
 * rate-limit window in the same transaction: one round trip, and a refused creation (409 or 429)
 * consumes nothing. Two creations from one client at the same instant touch the same window item,
 * and DynamoDB cancels one of them (TransactionConflict): those retry after a short jittered pause.
 */
export const createCounter = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  counter: NewCounter,
  creationLimit: CreationLimit,
  nowMs: number,
): Promise<CreateResult> => {
  const { namespace, key, ...settings } = counter;
  const transaction = new TransactWriteCommand({
    TransactItems: [
      { Update: consumeUpdate({ tableName, ...creationLimit, cost: 1 }) },
      {
        Put: {
          TableName: tableName,
          Item: { ...counterKey({ namespace, key }), ...settings, createdAt: nowMs, expiresAt: expiryFrom(nowMs) },
          ConditionExpression: 'attribute_not_exists(#expiresAt) OR #expiresAt <= :nowSeconds',
          ExpressionAttributeNames: { '#expiresAt': table.expiresAt },
          ExpressionAttributeValues: { ':nowSeconds': nowSeconds(nowMs) },
        },
      },
    ],
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await client.send(transaction);
      return 'created';
    } catch (error) {
      if (isTransactionConflict(error) && attempt < maxConflictRetries) {
        await new Promise((wake) => setTimeout(wake, 10 + Math.random() * 20 * 2 ** attempt));
        continue;
      }
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [limitReason, counterReason] = error.CancellationReasons ?? [];
      if (limitReason?.Code === 'ConditionalCheckFailed') return 'rate-limited';
      if (counterReason?.Code === 'ConditionalCheckFailed') return 'exists';
      throw error;
    }
  }
};
