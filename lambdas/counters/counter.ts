import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { absentOrExpiredCondition, epochSeconds, expiryNames, isLive, liveCondition, maxCounterValue as maxValue, staysInRange } from '../shared/counter-item.ts';
import { batchGetAll } from '../shared/dynamodb/batch.ts';
import { conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { writeItems, type WriteItems } from '../shared/dynamodb/item-writes.ts';
import { ownerCounterKey } from '../shared/keys.ts';
import { maxMultiGetKeys } from './schemas.ts';
import { table } from '../shared/table-keys.ts';

/**
 * Distributed counters with the semantics of unkey's counter interface: the primitives of rate
 * limiters and credit systems. Every operation is one conditional DynamoDB request, so results are
 * exact under any concurrency. Expiry follows lambdas/shared/counter-item.ts: a counter whose TTL
 * has passed is missing for every operation, even while DynamoDB TTL has not deleted it yet.
 */
export interface Counter {
  /** Adds `by` and returns the new value; a new counter starts at 0 and gets `ttlSeconds` (later calls keep the first TTL). */
  increment(key: string, by: number, ttlSeconds?: number): Promise<number>;
  /** Subtracts `by` (may go negative, creates the counter like increment) and returns the new value. */
  decrement(key: string, by: number, ttlSeconds?: number): Promise<number>;
  /** Subtracts `by` only from an existing counter holding at least `by`: never below zero, never creates. */
  decrementIfExists(key: string, by: number): Promise<DecrementIfExistsResult>;
  /** Sets the value of a counter that does not exist; the first value stays. Returns whether it was set. `write` sends it (alone unless given). */
  setIfNotExists(key: string, value: number, ttlSeconds?: number, write?: WriteItems): Promise<boolean>;
  /** The value, 0 when missing or expired. */
  get(key: string): Promise<number>;
  /** Values of up to 100 counters in one batched read, 0 for missing or expired ones. */
  multiGet(keys: readonly string[]): Promise<Map<string, number>>;
  /** Removes the counter; returns whether a live one existed. `write` sends it (alone unless given). */
  delete(key: string, write?: WriteItems): Promise<boolean>;
}

export interface DecrementIfExistsResult {
  /** The new value on success, the unchanged value when there was not enough, 0 when missing. */
  value: number;
  existed: boolean;
  success: boolean;
}

/** Wraps a Counter to add behaviour (logging, metrics, validation) around every operation. */
export type CounterMiddleware = (next: Counter) => Counter;

export const withMiddleware = (counter: Counter, ...middlewares: CounterMiddleware[]): Counter =>
  middlewares.reduceRight((next, middleware) => middleware(next), counter);

/** The change would leave ±(2^53−1), where JSON numbers stop being exact: nothing was changed. */
export class CounterRangeError extends Error {
  constructor() {
    super(`the counter value must stay within ±${maxValue}`);
    this.name = 'CounterRangeError';
  }
}

interface CounterItem {
  value: number;
  expiresAt?: number;
}

export interface DynamoDbCounterOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Partition-key prefix that scopes the counters (ownerCountersPrefix in lambdas/shared/keys.ts): owners never share a key space. */
  keyPrefix: string;
  now: () => number;
}

export class DynamoDbCounter implements Counter {
  constructor(private readonly options: DynamoDbCounterOptions) {}

  private itemKey(key: string) {
    return ownerCounterKey(this.options.keyPrefix, key);
  }

  increment(key: string, by: number, ttlSeconds?: number): Promise<number> {
    return this.add(key, by, ttlSeconds);
  }

  decrement(key: string, by: number, ttlSeconds?: number): Promise<number> {
    return this.add(key, -by, ttlSeconds);
  }

  /**
   * One UpdateItem that creates or adds. Its condition refuses an expired item (so it is never
   * continued) and a result outside the safe range; an expired item is then replaced by a fresh one.
   * With `ttlSeconds` it also refuses a live counter without a TTL, which must never get one (a TTL
   * is set only when a counter is created): that rare call is then repeated without the TTL.
   */
  private async add(key: string, amount: number, ttlSeconds: number | undefined): Promise<number> {
    const nowMs = this.options.now();
    const nowSeconds = epochSeconds(nowMs);
    const range = staysInRange(amount);
    const { applied, old } = await conditionalUpdate<CounterItem>(this.options.client, {
      TableName: this.options.tableName,
      Key: this.itemKey(key),
      UpdateExpression:
        ttlSeconds === undefined
          ? 'SET #value = if_not_exists(#value, :zero) + :amount'
          : 'SET #value = if_not_exists(#value, :zero) + :amount, #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
      ConditionExpression:
        ttlSeconds === undefined
          ? `attribute_not_exists(#value) OR (${liveCondition} AND ${range.condition})`
          : `attribute_not_exists(#value) OR (#expiresAt > :now AND ${range.condition})`,
      ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
      ExpressionAttributeValues: {
        ':zero': 0,
        ':amount': amount,
        ':now': nowSeconds,
        ':bound': range.bound,
        ...(ttlSeconds === undefined ? {} : { ':expiresAt': nowSeconds + ttlSeconds }),
      },
      ReturnValues: 'UPDATED_NEW',
    });
    if (applied) return old!.value;
    if (isLive(old, nowMs)) {
      if (ttlSeconds !== undefined && old.expiresAt === undefined) return this.add(key, amount, undefined);
      throw new CounterRangeError();
    }
    // Expired: start it afresh at `amount`, unless another request restarted it first (then add to that one).
    if (await this.setIfNotExists(key, amount, ttlSeconds)) return amount;
    return this.add(key, amount, ttlSeconds);
  }

  async decrementIfExists(key: string, by: number): Promise<DecrementIfExistsResult> {
    const nowMs = this.options.now();
    const { applied, old } = await conditionalUpdate<CounterItem>(this.options.client, {
      TableName: this.options.tableName,
      Key: this.itemKey(key),
      UpdateExpression: 'SET #value = #value - :by',
      ConditionExpression: `#value >= :by AND ${liveCondition}`,
      ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
      ExpressionAttributeValues: { ':by': by, ':now': epochSeconds(nowMs) },
      ReturnValues: 'UPDATED_NEW',
    });
    if (applied) return { value: old!.value, existed: true, success: true };
    return isLive(old, nowMs) ? { value: old.value, existed: true, success: false } : { value: 0, existed: false, success: false };
  }

  async setIfNotExists(key: string, value: number, ttlSeconds?: number, write: WriteItems = writeItems(this.options.client)): Promise<boolean> {
    const nowSeconds = epochSeconds(this.options.now());
    const Put = {
      TableName: this.options.tableName,
      Item: { ...this.itemKey(key), value, ...(ttlSeconds === undefined ? {} : { [table.expiresAt]: nowSeconds + ttlSeconds }) },
      ConditionExpression: absentOrExpiredCondition('#value'),
      ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
      ExpressionAttributeValues: { ':now': nowSeconds },
    };
    return (await write({ items: [{ Put }] })).applied;
  }

  async get(key: string): Promise<number> {
    const { Item } = await this.options.client.send(
      new GetCommand({ TableName: this.options.tableName, Key: this.itemKey(key), ConsistentRead: true }),
    );
    const item = Item as CounterItem | undefined;
    return isLive(item, this.options.now()) ? item.value : 0;
  }

  async multiGet(keys: readonly string[]): Promise<Map<string, number>> {
    const unique = [...new Set(keys)]; // BatchGetItem refuses duplicate keys
    if (unique.length > maxMultiGetKeys) throw new RangeError(`multiGet takes at most ${maxMultiGetKeys} keys`);
    const values = new Map(unique.map((key) => [key, 0]));
    const nowMs = this.options.now();
    const prefixLength = this.options.keyPrefix.length;
    const items = await batchGetAll(this.options.client, this.options.tableName, unique.map((key) => this.itemKey(key)));
    for (const item of items) {
      if (isLive(item as unknown as CounterItem, nowMs)) {
        values.set((item[table.partitionKey] as string).slice(prefixLength), (item as unknown as CounterItem).value);
      }
    }
    return values;
  }

  /**
   * Deletes only a live counter, so that the answer needs no returned item (a transaction returns
   * none): a missing or expired one is refused by the condition and left to TTL, being absent for
   * every operation already.
   */
  async delete(key: string, write: WriteItems = writeItems(this.options.client)): Promise<boolean> {
    const Delete = {
      TableName: this.options.tableName,
      Key: this.itemKey(key),
      ConditionExpression: `attribute_exists(#value) AND ${liveCondition}`,
      ExpressionAttributeNames: { '#value': 'value', ...expiryNames },
      ExpressionAttributeValues: { ':now': epochSeconds(this.options.now()) },
    };
    return (await write({ items: [{ Delete }] })).applied;
  }
}
