import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { epochSeconds, expiryNames, liveCondition } from './counter-item.ts';
import { batchGetAll } from './dynamodb/batch.ts';
import { conditionalPut, conditionalUpdate, type ConditionalWrite } from './dynamodb/conditional.ts';
import { buildUpdate } from './dynamodb/update-expression.ts';
import { isThrottling } from './errors.ts';
import { ExpiringCache } from './expiring-cache.ts';
import { table } from './table-keys.ts';

/**
 * Hot public counters. One item takes ~1,000 writes/s (its partition's limit), so a counter whose
 * item DynamoDB throttles spreads its increments over `shardCount` shard items with partition keys
 * of their own (lambdas/shared/keys.ts), and its total is the base item plus its shards.
 *
 * - **When.** Only throttling decides: DynamoDB knows an item's limit, while a rate seen by one
 *   container says little (a Lambda container serves one request at a time, so a hot counter's
 *   traffic is spread over many), and sharding a counter that is not hot only makes its reads
 *   cost 17 item reads instead of one. The decision is one conditional update of the base item,
 *   `SET shards = if_not_exists(shards, 16)`, never of a count, and it is permanent for the
 *   counter's life: every container learns it from the base item in its next answer.
 * - **Who knows.** A container remembers a counter's layout for a minute after a base item told it
 *   (`layouts`); meanwhile its hits go to the shards round robin (from a random start, so that
 *   containers spread), and the first hit after that goes to the base item again, which refreshes
 *   both the layout and the counter's expiry. The base is the counter: its TTL, settings and
 *   liveness; the shards have no TTL, because one deleted while its counter lives would lose counts.
 * - **Lives.** Each shard records the `generation` it counts for, the base's `createdAt`. A counter
 *   that expired and started afresh has a new one: reads ignore shards of an older generation, and
 *   the first write to such a shard restarts it. The layout is only used while the base's known
 *   `expiresAt` has not passed, and a base cannot start a new life before that.
 * - **What a hit answers.** The count as this container last saw it: the base's count and each
 *   shard's count, each from its latest write or read here. Counts only grow on a shardable
 *   counter, so it is a lower bound of the exact total, which every read returns.
 */
export const shardCount = 16;
/** A throttled shard is as full as its neighbours are likely to be: try two more, then answer 503. */
const shardAttempts = 3;
const layoutLifetimeMs = 60_000;
const maxCountersRemembered = 1_000;

const shardsAttribute = 'shards';
const generationAttribute = 'generation';

type Item = Record<string, unknown>;
type Counts = Record<string, number>;

export interface ShardedCounter {
  base: Record<string, string>;
  shard: (index: number) => Record<string, string>;
  /** The counted attributes, summed over the shards; everything else lives on the base only. */
  counts: readonly string[];
  /** What the base item must also satisfy to be sharded, with the names and values it uses. */
  shardable?: { condition: string; names: Record<string, string>; values: Record<string, NativeAttributeValue> };
}

interface Layout {
  shards: number;
  generation: number;
  expiresAt: number | undefined;
  base: Counts;
  /** Each shard's counts as last written or read here. */
  seen: Map<number, Counts>;
  next: number;
}

const layouts = new ExpiringCache<Layout>(layoutLifetimeMs, maxCountersRemembered);
/** Counters whose base item was throttled here lately: the next hit shards them first. */
const throttled = new ExpiringCache<true>(layoutLifetimeMs, maxCountersRemembered);
/**
 * Each counter's marking, shared by the requests that want it at the same time, and its outcome
 * kept: a counter that cannot be sharded costs one attempt per container and minute, not one per
 * throttled hit. A marking that failed (throttled itself) is forgotten, so the next hit tries again.
 */
const markings = new ExpiringCache<Promise<Layout | undefined>>(layoutLifetimeMs, maxCountersRemembered);

const pkOf = (counter: ShardedCounter) => counter.base[table.partitionKey]!;
const countsOf = (counter: ShardedCounter, item: Item | undefined): Counts =>
  Object.fromEntries(counter.counts.map((name) => [name, (item?.[name] as number | undefined) ?? 0]));
const shardKeys = (counter: ShardedCounter, layout: Layout) => Array.from({ length: layout.shards }, (_, index) => counter.shard(index));

const lowerBound = (counter: ShardedCounter, layout: Layout): Counts =>
  Object.fromEntries(counter.counts.map((name) => [name, [...layout.seen.values()].reduce((sum, counts) => sum + counts[name]!, layout.base[name]!)]));

/** Remembers what a base item says about its shards, and returns its layout if it has shards. */
const learn = (counter: ShardedCounter, item: Item | undefined, nowMs: number): Layout | undefined => {
  const pk = pkOf(counter);
  const shards = item?.[shardsAttribute] as number | undefined;
  if (!item || !shards) {
    layouts.delete(pk);
    return undefined;
  }
  const generation = item.createdAt as number;
  const known = layouts.peek(pk, nowMs);
  const sameLife = known?.generation === generation;
  const layout: Layout = {
    shards,
    generation,
    expiresAt: item[table.expiresAt] as number | undefined,
    base: countsOf(counter, item),
    seen: sameLife ? known.seen : new Map(),
    next: sameLife ? known.next : Math.floor(Math.random() * shards),
  };
  layouts.set(pk, layout, nowMs);
  return layout;
};

const usable = (layout: Layout | undefined, nowMs: number): layout is Layout => layout !== undefined && (layout.expiresAt === undefined || epochSeconds(nowMs) < layout.expiresAt);

/** The one write that makes a live, shardable counter sharded (or finds it so); its layout, or undefined if it cannot be. */
const markSharded = async (client: DynamoDBDocumentClient, tableName: string, counter: ShardedCounter, nowMs: number): Promise<Layout | undefined> => {
  const { shardable } = counter;
  const { applied, old } = await conditionalUpdate(client, {
    TableName: tableName,
    Key: counter.base,
    UpdateExpression: 'SET #shards = if_not_exists(#shards, :shards)',
    ConditionExpression: `attribute_exists(#createdAt) AND ${liveCondition}${shardable ? ` AND ${shardable.condition}` : ''}`,
    ExpressionAttributeNames: { '#shards': shardsAttribute, '#createdAt': 'createdAt', ...expiryNames, ...shardable?.names },
    ExpressionAttributeValues: { ':shards': shardCount, ':now': epochSeconds(nowMs), ...shardable?.values },
    ReturnValues: 'ALL_NEW',
  });
  return applied ? learn(counter, old, nowMs) : undefined;
};

const marked = (client: DynamoDBDocumentClient, tableName: string, counter: ShardedCounter, nowMs: number): Promise<Layout | undefined> => {
  const pk = pkOf(counter);
  const pending = markings.peek(pk, nowMs);
  if (pending) return pending;
  const marking = markSharded(client, tableName, counter, nowMs);
  markings.set(pk, marking, nowMs);
  marking.catch(() => markings.delete(pk));
  return marking;
};

/** Adds to one shard of the counter's current life; undefined if the shard belongs to a later life (the layout is stale). */
const addToShard = async (client: DynamoDBDocumentClient, tableName: string, key: Record<string, string>, generation: number, adds: Counts): Promise<Item | undefined> => {
  const names = Object.keys(adds);
  const generationPart = { names: { '#generation': generationAttribute }, values: { ':generation': generation } };
  for (;;) {
    const added = await conditionalUpdate(client, {
      TableName: tableName,
      Key: key,
      ...buildUpdate(generationPart, {
        add: names.map((_, index) => `#count${index} :count${index}`),
        set: ['#generation = :generation'],
        names: Object.fromEntries(names.map((name, index) => [`#count${index}`, name])),
        values: Object.fromEntries(names.map((name, index) => [`:count${index}`, adds[name]])),
      }),
      ConditionExpression: 'attribute_not_exists(#generation) OR #generation = :generation',
      ReturnValues: 'ALL_NEW',
    });
    if (added.applied) return added.old;
    if ((added.old![generationAttribute] as number) > generation) return undefined;
    // A shard of an earlier life of the counter: this life starts it afresh, unless another hit just did.
    const restarted = await conditionalPut(client, {
      TableName: tableName,
      Item: { ...key, ...adds, [generationAttribute]: generation },
      ConditionExpression: '#generation < :generation',
      ExpressionAttributeNames: generationPart.names,
      ExpressionAttributeValues: generationPart.values,
    });
    if (restarted.applied) return { ...adds };
  }
};

/** Counts on the next shards of the layout; the counts this container knows of, or undefined if the layout is stale. */
const countOnShards = async (client: DynamoDBDocumentClient, tableName: string, counter: ShardedCounter, layout: Layout, adds: Counts) => {
  for (let attempt = 1; ; attempt++) {
    const index = layout.next;
    layout.next = (index + 1) % layout.shards;
    try {
      const shard = await addToShard(client, tableName, counter.shard(index), layout.generation, adds);
      if (!shard) return undefined;
      layout.seen.set(index, countsOf(counter, shard));
      return lowerBound(counter, layout);
    } catch (error) {
      if (!isThrottling(error) || attempt >= shardAttempts) throw error;
    }
  }
};

/**
 * The counter's base item with its counts summed over its shards of this life (one BatchGetItem of
 * the base and its shards, once this container knows the counter is sharded; a strongly
 * consistent GetItem while it is not). Counts only grow between the items' reads, so the sum lies
 * between the totals when the read started and when it ended.
 */
export const readSharded = async (client: DynamoDBDocumentClient, tableName: string, counter: ShardedCounter, nowMs: number): Promise<Item | undefined> => {
  let layout = layouts.peek(pkOf(counter), nowMs);
  if (!layout) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: counter.base, ConsistentRead: true }));
    layout = learn(counter, Item, nowMs);
    if (!layout) return Item;
  }
  const keys = shardKeys(counter, layout);
  const items = await batchGetAll(client, tableName, [counter.base, ...keys]);
  const itemOf = (key: Record<string, string>) => items.find((item) => item[table.partitionKey] === key[table.partitionKey]);
  const base = itemOf(counter.base);
  const current = learn(counter, base, nowMs);
  if (!current) return base;
  keys.forEach((key, index) => {
    const shard = itemOf(key);
    if (shard?.[generationAttribute] === current.generation) current.seen.set(index, countsOf(counter, shard));
  });
  return { ...base, ...lowerBound(counter, current) };
};

/** A base item as written or read, with its counts summed over its shards if it has any. */
export const withShards = async <T extends object>(client: DynamoDBDocumentClient, tableName: string, counter: ShardedCounter, item: T, nowMs: number): Promise<T> =>
  (item as Item)[shardsAttribute] ? (((await readSharded(client, tableName, counter, nowMs)) as T | undefined) ?? item) : item;

/**
 * Adds `adds` to the counter: on its shards when this container knows it is sharded, else by
 * `baseWrite`, the family's own conditional write of the base item, returning ALL_NEW. A base
 * write that DynamoDB throttles shards the counter and counts this hit on a shard instead. An
 * applied answer holds the counts as `ShardedCounter` explains; a refused one is `baseWrite`'s.
 */
export const countSharded = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  counter: ShardedCounter,
  adds: Counts,
  nowMs: number,
  baseWrite: () => Promise<ConditionalWrite>,
): Promise<ConditionalWrite> => {
  const onShards = async (layout: Layout | undefined): Promise<ConditionalWrite | undefined> => {
    const counts = layout && (await countOnShards(client, tableName, counter, layout, adds));
    return counts && { applied: true, old: counts };
  };
  const pk = pkOf(counter);
  const known = layouts.peek(pk, nowMs);
  const layout = usable(known, nowMs) ? known : throttled.peek(pk, nowMs) ? await marked(client, tableName, counter, nowMs) : undefined;
  const counted = await onShards(layout);
  if (counted) return counted;
  try {
    const written = await baseWrite();
    const learnt = written.applied ? learn(counter, written.old, nowMs) : undefined;
    // A container new to a sharded counter reads its shards once, so that its answers start near the total.
    if (learnt && learnt.seen.size === 0) return { applied: true, old: await withShards(client, tableName, counter, written.old!, nowMs) };
    return learnt ? { applied: true, old: lowerBound(counter, learnt) } : written;
  } catch (error) {
    if (!isThrottling(error)) throw error;
    throttled.set(pk, true, nowMs);
    const resharded = await onShards(await marked(client, tableName, counter, nowMs));
    if (resharded) return resharded;
    throw error;
  }
};
