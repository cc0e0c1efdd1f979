import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../shared/dynamodb/batch.ts';
import { conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { isItemContention } from '../shared/errors.ts';
import { ExpiringCache } from '../shared/expiring-cache.ts';
import { quotaSubjectPartition, windowKey } from '../shared/keys.ts';
import { capSlice } from '../shared/plans.ts';
import { buildUpdate } from '../shared/dynamodb/update-expression.ts';
import { consumeUpdate, windowAt, windowExpiry } from '../shared/windowed-counter.ts';
import { table } from '../shared/table.ts';
import type { EffectiveLimit } from './config-store.ts';
import type { QuotaContext } from './context.ts';
import type { SubjectRef } from './limits.ts';

/**
 * A subject's usage of a metric under its limit: a fixed-window counter (lambdas/shared/windowed-counter.ts)
 * with one item per window of the limit's kind, so a new window starts from zero and an old one is
 * never addressed again.
 *
 * **Hot metrics.** One item takes ~1,000 writes/s, so a metric whose owner gives it `shards` spreads
 * each subject's window over that many items, as the account does (account-counters.ts): shard i
 * holds `capSlice` of the limit, the slices summing to the limit exactly, and a consumption that a
 * full shard refuses tries another, each shard at most once, so the subject never goes over its
 * limit. What that costs, and the bounds it has:
 * - **Under-admission.** A consumption must fit in one shard, so one of cost c is denied when every
 *   shard has less than c left: at most N × (c − 1) of the limit goes unused, none at cost 1. A
 *   cost above the largest slice, ⌈limit ÷ N⌉, is denied without a write. A consumption given back
 *   (the account refused the request) may stay unused by containers that saw its shard full.
 * - **`remaining`** is a lower bound: what is left on the shard that admitted the consumption (the
 *   other shards hold at least as much between them), and 0 on a denial of a plain decision.
 *   `usage` sums the shards in one BatchGetItem, exactly.
 * A metric without shards is one item, exact as before.
 */

export interface SubjectCounter extends SubjectRef {
  limit: EffectiveLimit;
}

/** One shard of a subject's counter (0 when the metric has none). */
export interface SubjectShard extends SubjectCounter {
  shard: number;
}

type ItemContext = Pick<QuotaContext, 'tableName' | 'nowMs'>;

const windowOf = ({ limit }: SubjectCounter, nowMs: number) => windowAt(limit.window, nowMs);
const counterKey = ({ ownerId, metric, subject, shard }: SubjectShard) => quotaSubjectPartition(ownerId, metric, subject, shard);
const itemKey = (counter: SubjectShard, nowMs: number) => windowKey(counterKey(counter), windowOf(counter, nowMs));
const shardsOf = ({ limit }: SubjectCounter) => Array.from({ length: limit.shards }, (_, shard) => shard);

/** Shard `shard`'s slice of the limit. */
export const sliceOf = ({ limit }: SubjectCounter, shard: number) => capSlice(limit.limit, limit.shards, shard);
/** The most one consumption can take: a shard's slice, the whole limit without shards. */
export const largestSlice = (counter: SubjectCounter) => sliceOf(counter, 0);

/** The subject's usage in the current window on each shard (0 where nothing was consumed yet); one read either way. */
export const shardUsages = async ({ client, tableName, nowMs }: QuotaContext, counter: SubjectCounter): Promise<number[]> => {
  if (counter.limit.shards === 1) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: itemKey({ ...counter, shard: 0 }, nowMs), ConsistentRead: true }));
    return [Number(Item?.count ?? 0)];
  }
  const keys = shardsOf(counter).map((shard) => itemKey({ ...counter, shard }, nowMs));
  const items = await batchGetAll(client, tableName, keys);
  const countAt = (key: Record<string, unknown>) => Number(items.find((item) => item[table.partitionKey] === key[table.partitionKey])?.count ?? 0);
  return keys.map(countAt);
};

/** The subject's usage in the current window, summed over its shards. */
export const subjectUsage = async (context: QuotaContext, counter: SubjectCounter): Promise<number> =>
  (await shardUsages(context, counter)).reduce((sum, used) => sum + used, 0);

/**
 * The smallest cost each shard of a hot subject's window refused here: it refuses any cost at
 * least that large until the window ends (counts only grow, give-backs aside, which forget it).
 * Keyed by the window and the slices, so a changed limit starts afresh.
 */
const refusals = new ExpiringCache<Map<number, number>>(60_000, 10_000);
const windowId = (counter: SubjectShard, nowMs: number) => {
  const { pk, sk } = itemKey({ ...counter, shard: 0 }, nowMs) as { pk: string; sk: string };
  return `${pk}\u0000${sk}\u0000${counter.limit.limit}\u0000${counter.limit.shards}`;
};

/** Consumes `cost` on the shard if it fits the shard's slice; the caller denies without writing when `cost` exceeds the slice itself. */
export const consumeSubject = ({ tableName, nowMs }: ItemContext, { cost, ...counter }: SubjectShard & { cost: number }) =>
  consumeUpdate({ tableName, counterKey: counterKey(counter), window: windowOf(counter, nowMs), cost, limit: sliceOf(counter, counter.shard) });

/** Takes back a consumption of a request the account then refused. */
export const giveBackSubject = ({ tableName, nowMs }: ItemContext, { cost, ...counter }: SubjectShard & { cost: number }) => {
  refusals.delete(windowId(counter, nowMs));
  return {
    TableName: tableName,
    Key: itemKey(counter, nowMs),
    ...buildUpdate({ add: ['#count :giveBack'], names: { '#count': 'count' }, values: { ':giveBack': -cost } }),
  };
};

/** Consumes `cost` only if the shard's count is still exactly `used`: a transaction's stand-in for a returned value. */
export const consumeSubjectIfUnchanged = ({ tableName, nowMs }: ItemContext, { used, cost, ...counter }: SubjectShard & { used: number; cost: number }) => ({
  TableName: tableName,
  Key: itemKey(counter, nowMs),
  ConditionExpression: used === 0 ? 'attribute_not_exists(#count) OR #count = :used' : '#count = :used',
  ...buildUpdate({ set: ['#count = :next'], names: { '#count': 'count' }, values: { ':used': used, ':next': used + cost } }, windowExpiry(windowOf(counter, nowMs))),
});

/** How a consumption went: on which shard, and what `remaining` it answers. */
export interface Consumption {
  applied: boolean;
  shard: number;
  remaining: number;
}

/**
 * Consumes `cost` (at most `largestSlice`) on a random shard that may still fit it, trying the
 * others while shards refuse it or throttle it (503 once every fitting shard has throttled it);
 * without shards, one conditional update as ever.
 */
export const consumeOnShards = async (context: QuotaContext, counter: SubjectCounter, cost: number): Promise<Consumption> => {
  const id = windowId({ ...counter, shard: 0 }, context.nowMs);
  const refused = counter.limit.shards === 1 ? new Map<number, number>() : (refusals.peek(id, context.nowMs) ?? new Map<number, number>());
  // Shards that throttled this consumption: they wrote nothing and are not full, so it tries the others first.
  const contended = new Set<number>();
  let contention: unknown;
  for (;;) {
    const fitting = shardsOf(counter).filter((shard) => sliceOf(counter, shard) >= cost && cost < (refused.get(shard) ?? Infinity));
    if (fitting.length === 0) return { applied: false, shard: 0, remaining: 0 };
    const open = fitting.filter((shard) => !contended.has(shard));
    if (open.length === 0) throw contention;
    const shard = open[Math.floor(Math.random() * open.length)]!;
    const update = { ...consumeSubject(context, { ...counter, shard, cost }), ReturnValues: 'UPDATED_NEW' as const };
    const consumed = await conditionalUpdate<{ count?: number }>(context.client, update).catch((error: unknown) => {
      if (!isItemContention(error)) throw error;
      contended.add(shard);
      contention = error;
      return undefined;
    });
    if (!consumed) continue;
    const { applied, old } = consumed;
    const remaining = Math.max(0, sliceOf(counter, shard) - Number(old?.count ?? 0));
    if (applied || counter.limit.shards === 1) return { applied, shard, remaining };
    refused.set(shard, Math.min(cost, refused.get(shard) ?? Infinity));
    refusals.set(id, refused, context.nowMs);
  }
};
