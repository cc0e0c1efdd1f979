import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ConditionalUpdateResult, tryConditionalUpdate } from '../shared/conditional-update.ts';
import type { Plan } from '../shared/plans.ts';
import { table } from '../shared/table.ts';
import { accountPartition, windowKey } from '../shared/keys.ts';
import { windowAt } from '../shared/windowed-counter.ts';

/**
 * An owner's account-wide request counters, which every authenticated, non-replayed quota request
 * counts toward, allowed or denied. Two items, because that is as few as the semantics allow:
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

interface AccountItems {
  rate: { Key: Record<string, string>; second: string; expiresAt: number };
  month: { Key: Record<string, string>; expiresAt: number };
}

/** Month items stay a year after their month (the account view reads the current one; TTL tidies up). */
const monthItemLifetimeSeconds = 366 * 86_400;
const rateItemGraceSeconds = 60;

const itemsAt = (ownerId: string, nowMs: number): AccountItems => {
  const minute = windowAt('minute', nowMs);
  const month = windowAt('month', nowMs);
  return {
    rate: {
      Key: windowKey(accountPartition(ownerId, 'rate'), minute),
      second: `s${Math.floor((nowMs - minute.startMs) / 1000)}`,
      expiresAt: Math.ceil(minute.endMs / 1000) + rateItemGraceSeconds,
    },
    month: { Key: windowKey(accountPartition(ownerId, 'month'), month), expiresAt: Math.ceil(month.endMs / 1000) + monthItemLifetimeSeconds },
  };
};

/** The month item's key, for the account view. */
export const monthItemKey = (ownerId: string, nowMs: number) => itemsAt(ownerId, nowMs).month.Key;

interface Update {
  TableName: string;
  Key: Record<string, string>;
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, number>;
}

/**
 * The two updates that count one request. With `enforce`, each carries the condition "this request
 * still fits the plan", so it fails instead of counting a request over a cap; months of plans with
 * overages are counted but never enforced.
 */
export const accountUpdates = (tableName: string, ownerId: string, plan: Plan, nowMs: number, enforce: boolean): { rate: Update; month: Update } => {
  const { rate, month } = itemsAt(ownerId, nowMs);
  return {
    rate: {
      TableName: tableName,
      Key: rate.Key,
      UpdateExpression: 'ADD #count :one, #second :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
      ...(enforce
        ? { ConditionExpression: '(attribute_not_exists(#count) OR #count < :minuteCap) AND (attribute_not_exists(#second) OR #second < :secondCap)' }
        : {}),
      ExpressionAttributeNames: { '#count': 'count', '#second': rate.second, '#expiresAt': table.expiresAt },
      ExpressionAttributeValues: {
        ':one': 1,
        ':expiresAt': rate.expiresAt,
        ...(enforce ? { ':minuteCap': plan.requestsPerMinute, ':secondCap': plan.requestsPerSecond } : {}),
      },
    },
    month: {
      TableName: tableName,
      Key: month.Key,
      UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
      ...(enforce && !plan.overages ? { ConditionExpression: 'attribute_not_exists(#count) OR #count < :monthCap' } : {}),
      ExpressionAttributeNames: { '#count': 'count', '#expiresAt': table.expiresAt },
      ExpressionAttributeValues: { ':one': 1, ':expiresAt': month.expiresAt, ...(enforce && !plan.overages ? { ':monthCap': plan.monthlyRequests } : {}) },
    },
  };
};

/** Which cap a request over the plan hits first: the burst, then the minute, then the month. */
export const ownerDenialOf = (
  plan: Plan,
  rateItem: Record<string, unknown> | undefined,
  monthItem: Record<string, unknown> | undefined,
  secondAttribute: string,
): OwnerDenial | undefined => {
  if (Number(rateItem?.[secondAttribute] ?? 0) >= plan.requestsPerSecond) return 'owner_rate_limit_exceeded_second';
  if (Number(rateItem?.count ?? 0) >= plan.requestsPerMinute) return 'owner_rate_limit_exceeded';
  if (!plan.overages && Number(monthItem?.count ?? 0) >= plan.monthlyRequests) return 'owner_monthly_limit_exceeded';
  return undefined;
};

/**
 * Counts one request toward the owner's caps and says whether it fits: both items in parallel,
 * each conditional on the plan; an item that refused (the request is over a cap) is then counted
 * without condition, because denied requests count too. One round trip while within the plan.
 */
export const countAccountRequest = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  plan: Plan,
  nowMs: number,
): Promise<OwnerDenial | undefined> => {
  const enforced = accountUpdates(tableName, ownerId, plan, nowMs, true);
  const [rate, month] = await Promise.all([tryConditionalUpdate(client, enforced.rate), tryConditionalUpdate(client, enforced.month)]);
  return countDenied(client, tableName, ownerId, plan, nowMs, rate, month);
};

/**
 * After enforced updates: the denial they reveal (if any), having counted without condition the
 * items that refused.
 */
export const countDenied = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  plan: Plan,
  nowMs: number,
  rate: ConditionalUpdateResult,
  month: ConditionalUpdateResult,
): Promise<OwnerDenial | undefined> => {
  if (rate.applied && month.applied) return undefined;
  const unconditional = accountUpdates(tableName, ownerId, plan, nowMs, false);
  await Promise.all([
    rate.applied ? undefined : client.send(new UpdateCommand(unconditional.rate)),
    month.applied ? undefined : client.send(new UpdateCommand(unconditional.month)),
  ]);
  // A refusal always means some cap was reached; the rate item's second is checked before its minute.
  const seen = (attempt: ConditionalUpdateResult) => (attempt.applied ? undefined : attempt.item);
  return ownerDenialOf(plan, seen(rate), seen(month), itemsAt(ownerId, nowMs).rate.second) ?? 'owner_rate_limit_exceeded';
};
