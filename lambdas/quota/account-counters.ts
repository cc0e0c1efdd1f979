import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { type ConditionalWrite, conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import type { Plan } from '../shared/plans.ts';
import { accountPartition, windowKey } from '../shared/keys.ts';
import { buildUpdate, type UpdatePart } from '../shared/dynamodb/update-expression.ts';
import { itemExpiry, windowAt, windowExpiry } from '../shared/windowed-counter.ts';
import type { QuotaContext } from './context.ts';

/**
 * An owner's account-wide request counters, which every counted request of a keyed route counts
 * toward, allowed or denied (lambdas/quota/plan-admission.ts says which count). At most two items,
 * because that is as few as the semantics allow, and only those whose caps the plan sets:
 * - the **rate item** of the current minute holds the minute's count and one attribute per second
 *   (`s0`..`s59`), so the per-second and per-minute caps share one item and one write, and a minute's
 *   item simply dies by TTL (no reset write, no unbounded growth);
 * - the **month item** holds the calendar month's count (the monthly cap, and the account view).
 * A month count cannot live in the rate item, which changes every minute; merging them would need a
 * read or a retried write at every window boundary.
 *
 * Each item sits under its own partition key, so one owner's request rate is bounded by one item's
 * write throughput (~1,000 writes/s), far above every plan's per-second cap.
 */

export type OwnerDenial = 'owner_rate_limit_exceeded_second' | 'owner_rate_limit_exceeded' | 'owner_monthly_limit_exceeded';

/** One request of an owner, counted against its plan. */
export interface AccountRequest {
  ownerId: string;
  plan: Plan;
}

type ItemContext = Pick<QuotaContext, 'tableName' | 'nowMs'>;

/** Month items stay a year after their month (the account view reads the current one; TTL tidies up). */
export const monthItemLifetimeSeconds = 366 * 86_400;

/** The two items of the owner's account at `nowMs`: their keys, the rate item's attribute of this second, and their TTLs. */
export const accountItems = (ownerId: string, nowMs: number) => {
  const minute = windowAt('minute', nowMs);
  const month = windowAt('month', nowMs);
  return {
    rate: {
      Key: windowKey(accountPartition(ownerId, 'rate'), minute),
      second: `s${Math.floor((nowMs - minute.startMs) / 1000)}`,
      expiry: windowExpiry(minute),
    },
    month: { Key: windowKey(accountPartition(ownerId, 'month'), month), expiry: itemExpiry(Math.ceil(month.endMs / 1000) + monthItemLifetimeSeconds) },
  };
};

/** This month's requests of the owner, for the account view. */
export const monthRequests = async ({ client, tableName, nowMs }: QuotaContext, ownerId: string): Promise<number> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: accountItems(ownerId, nowMs).month.Key, ConsistentRead: true }));
  return Number(Item?.count ?? 0);
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

/**
 * The updates that count one request: the rate item's when the plan caps the second or the
 * minute, the month item's when it caps the month; a plan without caps writes neither. With
 * `enforce`, each carries the condition "this request still fits the plan", so it fails instead of
 * counting a request over a cap; months of plans with overages are counted but never enforced.
 */
export const accountUpdates = ({ tableName, nowMs }: ItemContext, { ownerId, plan, enforce }: AccountRequest & { enforce: boolean }) => {
  const { rate, month } = accountItems(ownerId, nowMs);
  const rateCaps = enforce
    ? belowCaps([
        ['#count', ':minuteCap', plan.requestsPerMinute],
        ['#second', ':secondCap', plan.requestsPerSecond],
      ])
    : unconditioned;
  const monthCaps = enforce ? belowCaps([['#count', ':monthCap', plan.overages ? undefined : plan.monthlyRequests]]) : unconditioned;
  return {
    rate:
      plan.requestsPerMinute === undefined && plan.requestsPerSecond === undefined
        ? undefined
        : {
            TableName: tableName,
            Key: rate.Key,
            ...rateCaps.condition,
            ...buildUpdate(counted, { add: ['#second :one'], names: { '#second': rate.second } }, rate.expiry, rateCaps.part),
          },
    month:
      plan.monthlyRequests === undefined
        ? undefined
        : { TableName: tableName, Key: month.Key, ...monthCaps.condition, ...buildUpdate(counted, month.expiry, monthCaps.part) },
  };
};

/** Which cap a request over the plan hits first: the burst, then the minute, then the month. */
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

/** How the enforced updates of one request went. */
export interface AccountAttempts {
  rate: ConditionalWrite;
  month: ConditionalWrite;
}

/** An item the plan does not write: nothing to refuse. */
const notWritten: ConditionalWrite = { applied: true, old: undefined };

/** The enforced updates, in parallel (alone, or next to the route's own request); no request at all for a plan without caps. */
export const tryAccountUpdates = async ({ client, ...context }: QuotaContext, request: AccountRequest): Promise<AccountAttempts> => {
  const enforced = accountUpdates(context, { ...request, enforce: true });
  const attempt = (update: UpdateCommandInput | undefined) => (update ? conditionalUpdate(client, update) : notWritten);
  const [rate, month] = await Promise.all([attempt(enforced.rate), attempt(enforced.month)]);
  return { rate, month };
};

/**
 * After enforced updates: the denial they reveal (if any), having counted without condition the
 * items that refused, because denied requests count too.
 */
export const countDenied = async (context: QuotaContext, { rate, month, ...request }: AccountRequest & AccountAttempts): Promise<OwnerDenial | undefined> => {
  if (rate.applied && month.applied) return undefined;
  const unconditional = accountUpdates(context, { ...request, enforce: false });
  await Promise.all([
    rate.applied || !unconditional.rate ? undefined : context.client.send(new UpdateCommand(unconditional.rate)),
    month.applied || !unconditional.month ? undefined : context.client.send(new UpdateCommand(unconditional.month)),
  ]);
  // A refusal always means some cap was reached; the rate item's second is checked before its minute.
  const seen = (attempt: ConditionalWrite) => (attempt.applied ? undefined : attempt.old);
  const second = accountItems(request.ownerId, context.nowMs).rate.second;
  return ownerDenialOf(request.plan, { rateItem: seen(rate), monthItem: seen(month), second }) ?? 'owner_rate_limit_exceeded';
};

/** Counts one request toward the owner's caps and says whether it fits. One round trip while within the plan. */
export const countAccountRequest = async (context: QuotaContext, request: AccountRequest): Promise<OwnerDenial | undefined> =>
  countDenied(context, { ...request, ...(await tryAccountUpdates(context, request)) });
