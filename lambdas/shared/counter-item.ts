import { table } from './table-keys.ts';

/**
 * What every counter item means, whichever family owns it (CountAPI, hit counters, private and
 * namespace counters). DynamoDB TTL deletes late (up to ~48 hours in AWS, never in DynamoDB
 * Local), so an item whose `expiresAt` (epoch seconds) has passed is absent for every read and
 * condition, and the next write that would create it starts it afresh instead of continuing it.
 * An item without `expiresAt` never expires.
 *
 * The condition fragments use the placeholders `#expiresAt` (bind it with `expiryNames`) and `:now`
 * (the current epoch second).
 */

/** Beyond ±(2^53−1) JSON numbers stop being exact: no count may leave that range. */
export const maxCounterValue = Number.MAX_SAFE_INTEGER;

export const epochSeconds = (nowMs: number): number => Math.floor(nowMs / 1000);

/** The TTL value of an item that should live `lifetimeSeconds` from now. */
export const expiryAfter = (nowMs: number, lifetimeSeconds: number): number => epochSeconds(nowMs) + lifetimeSeconds;

export const expiryNames = { '#expiresAt': table.expiresAt } as const;

export const isLive = <T extends object>(item: T | undefined, nowMs: number): item is T => {
  const expiresAt = (item as Record<string, unknown> | undefined)?.[table.expiresAt] as number | undefined;
  return item !== undefined && (expiresAt === undefined || expiresAt > epochSeconds(nowMs));
};

/** The item is there and live (pair it with a check that the item exists). */
export const liveCondition = '(attribute_not_exists(#expiresAt) OR #expiresAt > :now)';

/** No live item is there: a write under this condition creates the item, or restarts an expired one. `#attribute` names one every such item has. */
export const absentOrExpiredCondition = (attribute: string): string => `attribute_not_exists(${attribute}) OR #expiresAt <= :now`;

/**
 * Conditions cannot do arithmetic, so "the value plus `amount` stays within ±maxCounterValue"
 * becomes a bound on the current value: `condition` on `#value` with `bound` as `:bound`.
 */
export const staysInRange = (amount: number): { condition: string; bound: number } =>
  amount >= 0 ? { condition: '#value <= :bound', bound: maxCounterValue - amount } : { condition: '#value >= :bound', bound: -maxCounterValue - amount };
