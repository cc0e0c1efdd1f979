import { UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../shared/dynamodb/batch.ts';
import { cancellationReasons } from '../shared/dynamodb/cancellation.ts';
import { conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { isContentionCode, isItemContention } from '../shared/errors.ts';
import { ExpiringCache } from '../shared/expiring-cache.ts';
import { accountShards, capSlice, type Plan } from '../shared/plans.ts';
import { accountPartition, windowKey } from '../shared/keys.ts';
import { buildUpdate, type UpdatePart } from '../shared/dynamodb/update-expression.ts';
import { itemExpiry, windowAt, windowExpiry } from '../shared/windowed-counter.ts';
import type { QuotaContext } from './context.ts';

/**
 * An owner's account-wide request counters, which every counted request of a keyed route counts
 * toward, allowed or denied (lambdas/quota/plan-admission.ts says which count). Two counts, and
 * only those whose caps the plan sets:
 * - the **rate** count of the current minute holds the minute's count and one attribute per second
 *   (`s0`..`s59`), so the per-second and per-minute caps share one item and one write, and a minute's
 *   items simply die by TTL (no reset write, no unbounded growth);
 * - the **month** count holds the calendar month's count (the monthly cap, and the account view).
 * A month count cannot live in the rate item, which changes every minute; merging them would need a
 * read or a retried write at every window boundary.
 *
 * **Shards.** One item takes ~1,000 writes/s, so each count spreads over `accountShards(plan)`
 * items (shard 0 is the unsharded item). Shard i holds `capSlice` of every cap, the slices summing
 * to the cap exactly, and admits a request only below its own slices; so however requests spread,
 * no cap is ever exceeded. A request writes one random shard of each count, in the same round trip
 * as before sharding. A shard that refuses is full for the rest of its window (counts only grow), so
 * the request tries another shard it does not know full, each at most once, and is denied only when
 * every shard has been seen full. Hence:
 * - **Under-admission bound: none.** A denial means each shard was full when seen, and still is, so
 *   the owner's count has reached the cap: N concurrent requests at a cap admit exactly the cap.
 * - **Cost.** Trying more shards happens only at a full shard: a request pays at most one extra
 *   sequential write per shard it finds full, and a container remembers the full shards of each
 *   window (`fullShards`), so it pays for each at most once per window. A denial is counted too,
 *   on a full shard (it takes no room from the others): one more write, as without shards.
 * - **Contention.** A shard DynamoDB throttles (or a transaction holds) wrote nothing, and another
 *   may have the throughput to spare: the request tries the shards it has not yet contended on
 *   (`ContendedShards`, this request's only: a throttled item is not full), and answers 503 only
 *   when every shard not known full has throttled it.
 */

export type OwnerDenial = 'owner_rate_limit_exceeded_second' | 'owner_rate_limit_exceeded' | 'owner_monthly_limit_exceeded';

/** One request of an owner, counted against its plan. */
export interface AccountRequest {
  ownerId: string;
  plan: Plan;
}

export type AccountCount = 'rate' | 'month';

type ItemContext = Pick<QuotaContext, 'tableName' | 'nowMs'>;

/** Month items stay a year after their month (the account view reads the current one; TTL tidies up). */
export const monthItemLifetimeSeconds = 366 * 86_400;

/** The two items of shard `shard` of the owner's account at `nowMs`: their keys, the rate item's attribute of this second, and their TTLs. */
export const accountItems = (ownerId: string, nowMs: number, shard = 0) => {
  const minute = windowAt('minute', nowMs);
  const month = windowAt('month', nowMs);
  return {
    rate: {
      Key: windowKey(accountPartition(ownerId, 'rate', shard), minute),
      second: `s${Math.floor((nowMs - minute.startMs) / 1000)}`,
      expiry: windowExpiry(minute),
    },
    month: { Key: windowKey(accountPartition(ownerId, 'month', shard), month), expiry: itemExpiry(Math.ceil(month.endMs / 1000) + monthItemLifetimeSeconds) },
  };
};

/** The caps shard `shard` holds: its slice of each cap the plan sets. */
export const shardCaps = (plan: Plan, shard: number): Plan => {
  const shards = accountShards(plan);
  const slice = (cap: number | undefined) => (cap === undefined ? undefined : capSlice(cap, shards, shard));
  return { ...plan, monthlyRequests: slice(plan.monthlyRequests), requestsPerMinute: slice(plan.requestsPerMinute), requestsPerSecond: slice(plan.requestsPerSecond) };
};

const writesCount = (plan: Plan, count: AccountCount) =>
  count === 'rate' ? plan.requestsPerMinute !== undefined || plan.requestsPerSecond !== undefined : plan.monthlyRequests !== undefined;

/** This month's requests of the owner, summed over the month's shards in one read, for the account view. */
export const monthRequests = async ({ client, tableName, nowMs }: QuotaContext, { ownerId, plan }: AccountRequest): Promise<number> => {
  const keys = Array.from({ length: accountShards(plan) }, (_, shard) => accountItems(ownerId, nowMs, shard).month.Key);
  const items = await batchGetAll(client, tableName, keys);
  return items.reduce((sum, item) => sum + Number(item.count ?? 0), 0);
};

const counted: UpdatePart = { add: ['#count :one'], names: { '#count': 'count' }, values: { ':one': 1 } };

/** The condition "below each cap the plan sets" (none when it sets none), and its values as an update part. */
const belowCaps = (caps: ReadonlyArray<readonly [attribute: string, value: string, cap: number | undefined]>) => {
  const set = caps.filter((entry): entry is readonly [string, string, number] => entry[2] !== undefined);
  return {
    condition: set.length > 0 ? { ConditionExpression: set.map(([attribute, value]) => `(attribute_not_exists(${attribute}) OR ${attribute} < ${value})`).join(' AND ') } : {},
    part: { values: Object.fromEntries(set.map(([, value, cap]) => [value, cap])) } satisfies UpdatePart,
  };
};

const unconditioned = { condition: {}, part: {} };

/** Which shard of each count a request writes. */
export interface ShardChoice {
  rate: number;
  month: number;
}

/**
 * The updates that count one request on the chosen shards: the rate item's when the plan caps the
 * second or the minute, the month item's when it caps the month; a plan without caps writes
 * neither. With `enforce`, each carries the condition "this request still fits the shard's slices",
 * so it fails instead of counting a request over a slice; months of plans with overages are
 * counted but never enforced.
 */
export const accountUpdates = (
  { tableName, nowMs }: ItemContext,
  { ownerId, plan, enforce, shards = { rate: 0, month: 0 } }: AccountRequest & { enforce: boolean; shards?: ShardChoice },
) => {
  const { rate } = accountItems(ownerId, nowMs, shards.rate);
  const { month } = accountItems(ownerId, nowMs, shards.month);
  const [rateSlices, monthSlices] = [shardCaps(plan, shards.rate), shardCaps(plan, shards.month)];
  const rateCaps = enforce
    ? belowCaps([
        ['#count', ':minuteCap', rateSlices.requestsPerMinute],
        ['#second', ':secondCap', rateSlices.requestsPerSecond],
      ])
    : unconditioned;
  const monthCaps = enforce ? belowCaps([['#count', ':monthCap', plan.overages ? undefined : monthSlices.monthlyRequests]]) : unconditioned;
  return {
    rate: !writesCount(plan, 'rate')
      ? undefined
      : {
          TableName: tableName,
          Key: rate.Key,
          ...rateCaps.condition,
          ...buildUpdate(counted, { add: ['#second :one'], names: { '#second': rate.second } }, rate.expiry, rateCaps.part),
        },
    month: !writesCount(plan, 'month')
      ? undefined
      : { TableName: tableName, Key: month.Key, ...monthCaps.condition, ...buildUpdate(counted, month.expiry, monthCaps.part) },
  };
};

/** Which cap a request over the plan (or over a shard's slices of it) hits first: the burst, then the minute, then the month. */
export const ownerDenialOf = (
  plan: Plan,
  { rateItem, monthItem, second }: { rateItem?: Record<string, unknown>; monthItem?: Record<string, unknown>; second: string },
): OwnerDenial | undefined => {
  const reached = (count: unknown, cap: number | undefined) => cap !== undefined && Number(count ?? 0) >= cap;
  if (reached(rateItem?.[second], plan.requestsPerSecond)) return 'owner_rate_limit_exceeded_second';
  if (reached(rateItem?.count, plan.requestsPerMinute)) return 'owner_rate_limit_exceeded';
  if (!plan.overages && reached(monthItem?.count, plan.monthlyRequests)) return 'owner_monthly_limit_exceeded';
  return undefined;
};

/**
 * The shards of each window this container has seen full, with the cap that filled each. A shard
 * full for a second is full only while that second lasts; one full for its minute or month stays
 * so until the window's items are no longer addressed. Windows are in the keys, so nothing here
 * outlives its window's meaning; entries are dropped after a minute or when too many.
 */
const fullShards = new ExpiringCache<Map<number, { denial: OwnerDenial; second: string }>>(60_000, 10_000);

const windowId = (ownerId: string, count: AccountCount, nowMs: number) => {
  const { Key } = accountItems(ownerId, nowMs)[count];
  return `${Key.pk}\u0000${Key.sk}`;
};

/** The shards of the count known full at `nowMs`, by the denial each stands for. */
const knownFull = (ownerId: string, count: AccountCount, nowMs: number): Map<number, OwnerDenial> => {
  const { second } = accountItems(ownerId, nowMs).rate;
  const known = fullShards.peek(windowId(ownerId, count, nowMs), nowMs) ?? new Map();
  const current = [...known].filter(([, full]) => full.denial !== 'owner_rate_limit_exceeded_second' || full.second === second);
  return new Map(current.map(([shard, full]) => [shard, full.denial]));
};

/** Remembers that a shard refused a request, with the cap its item showed reached. */
const rememberFull = (context: ItemContext, request: AccountRequest, count: AccountCount, shard: number, old: Record<string, unknown> | undefined) => {
  const { second } = accountItems(request.ownerId, context.nowMs).rate;
  const caps = shardCaps(request.plan, shard);
  // A refusal always means some cap was reached; an item the refusal did not return is taken as full for its window.
  const denial =
    ownerDenialOf(caps, count === 'rate' ? { rateItem: old, second } : { monthItem: old, second }) ??
    (count === 'rate' ? 'owner_rate_limit_exceeded' : 'owner_monthly_limit_exceeded');
  const id = windowId(request.ownerId, count, context.nowMs);
  const known = fullShards.peek(id, context.nowMs) ?? new Map();
  known.set(shard, { denial, second });
  fullShards.set(id, known, context.nowMs);
};

/**
 * The shards of each count on which one request's writes met contention (throttled, or held by a
 * transaction), and the last such error: it is the request's answer (503) once no other shard is left.
 */
export class ContendedShards {
  readonly rate = new Set<number>();
  readonly month = new Set<number>();
  lastError: unknown;

  /**
   * Takes note of a failed write of the counts `counts`, which were the first items of the write,
   * in that order (one count for a single update). True when the failure was contention on some
   * of their shards (all of them for a refused request, those a cancelled transaction names),
   * so that the request can try others; false for any other failure, which the caller throws.
   */
  noteFailure(error: unknown, counts: readonly AccountCount[], shards: ShardChoice): boolean {
    const reasons = cancellationReasons(error);
    const contended = reasons ? counts.filter((_, index) => isContentionCode(reasons[index]?.code)) : isItemContention(error) ? counts : [];
    for (const count of contended) this[count].add(shards[count]);
    if (contended.length > 0) this.lastError = error;
    return contended.length > 0;
  }
}

/**
 * A shard of the count this container does not know full, nor `avoid`ed, at random (so that
 * requests spread evenly), or undefined when there is none.
 */
const openShard = ({ nowMs }: ItemContext, { ownerId, plan }: AccountRequest, count: AccountCount, avoid: ReadonlySet<number> = new Set()): number | undefined => {
  const full = knownFull(ownerId, count, nowMs);
  const open = Array.from({ length: accountShards(plan) }, (_, shard) => shard).filter((shard) => !full.has(shard) && !avoid.has(shard));
  return open.length === 0 ? undefined : open[Math.floor(Math.random() * open.length)];
};

/** The denial the full shards of a refused count stand for: the burst while any shard is only full for this second. */
const denialOf = ({ nowMs }: ItemContext, { ownerId }: AccountRequest, count: AccountCount): OwnerDenial => {
  const denials = [...knownFull(ownerId, count, nowMs).values()];
  if (count === 'month') return 'owner_monthly_limit_exceeded';
  return denials.includes('owner_rate_limit_exceeded_second') ? 'owner_rate_limit_exceeded_second' : 'owner_rate_limit_exceeded';
};

/** How one count of a request went: counted on `shard`, or refused by every shard (then `shard` is a full one). */
export interface CountAttempt {
  applied: boolean;
  shard: number;
}

/** How the enforced updates of one request went. */
export type AccountAttempts = Record<AccountCount, CountAttempt>;

/**
 * The shard each count of a request should try next, and the counts that have none left (every
 * shard known full). Throws the last contention error when a count's only shards not known full
 * are those `contended` names.
 */
export const chooseShards = (context: ItemContext, request: AccountRequest, contended?: ContendedShards): { shards: ShardChoice; full: AccountCount[] } => {
  const choice = (count: AccountCount) => {
    if (!writesCount(request.plan, count)) return 0;
    const shard = openShard(context, request, count, contended?.[count]);
    if (shard === undefined && contended?.[count].size && openShard(context, request, count) !== undefined) throw contended.lastError;
    return shard;
  };
  const [rate, month] = [choice('rate'), choice('month')];
  const full = (['rate', 'month'] as const).filter((count) => (count === 'rate' ? rate : month) === undefined);
  const anyFull = (count: AccountCount) => [...knownFull(request.ownerId, count, context.nowMs).keys()][0] ?? 0;
  return { shards: { rate: rate ?? anyFull('rate'), month: month ?? anyFull('month') }, full };
};

/** Takes note of a count the chosen shard refused, seen as `old`: the next choice avoids that shard. */
export const shardRefused = (context: ItemContext, request: AccountRequest, count: AccountCount, shard: number, old: Record<string, unknown> | undefined) =>
  rememberFull(context, request, count, shard, old);

/** One count's enforced update, retried on other shards while the one tried is full or contended. */
const tryCount = async ({ client, ...context }: QuotaContext, request: AccountRequest, count: AccountCount): Promise<CountAttempt> => {
  if (!writesCount(request.plan, count)) return { applied: true, shard: 0 };
  const contended = new ContendedShards();
  for (;;) {
    const { shards, full } = chooseShards(context, request, contended);
    const shard = shards[count];
    if (full.includes(count)) return { applied: false, shard };
    const update = accountUpdates(context, { ...request, enforce: true, shards })[count] as UpdateCommandInput;
    try {
      const { applied, old } = await conditionalUpdate(client, update);
      if (applied) return { applied: true, shard };
      shardRefused(context, request, count, shard, old);
    } catch (error) {
      if (!contended.noteFailure(error, [count], shards)) throw error;
    }
  }
};

/** The enforced updates, in parallel (alone, or next to the route's own request); no request at all for a plan without caps. */
export const tryAccountUpdates = async (context: QuotaContext, request: AccountRequest): Promise<AccountAttempts> => {
  const [rate, month] = await Promise.all([tryCount(context, request, 'rate'), tryCount(context, request, 'month')]);
  return { rate, month };
};

/**
 * After enforced updates: the denial they reveal (if any), having counted without condition, on a
 * full shard, each count that was refused, because denied requests count too.
 */
export const countDenied = async (context: QuotaContext, { rate, month, ...request }: AccountRequest & AccountAttempts): Promise<OwnerDenial | undefined> => {
  if (rate.applied && month.applied) return undefined;
  const unconditional = accountUpdates(context, { ...request, enforce: false, shards: { rate: rate.shard, month: month.shard } });
  await Promise.all([
    rate.applied ? undefined : context.client.send(new UpdateCommand(unconditional.rate!)),
    month.applied ? undefined : context.client.send(new UpdateCommand(unconditional.month!)),
  ]);
  return rate.applied ? denialOf(context, request, 'month') : denialOf(context, request, 'rate');
};

/** Counts one request toward the owner's caps and says whether it fits. One round trip while the shards it picks have room. */
export const countAccountRequest = async (context: QuotaContext, request: AccountRequest): Promise<OwnerDenial | undefined> =>
  countDenied(context, { ...request, ...(await tryAccountUpdates(context, request)) });
