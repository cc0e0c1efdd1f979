import type { Update } from '@aws-sdk/client-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { windowKey } from './keys.ts';
import { buildUpdate, type UpdatePart } from './dynamodb/update-expression.ts';
import { table } from './table.ts';

/**
 * A fixed-window counter with a limit: "at most `limit` per window". Every window is its own item,
 * keyed by the window's start, so a new window starts from zero without any reset write, and an old
 * window that TTL has not deleted yet is simply never addressed again. One conditional UpdateItem
 * consumes: it adds `cost` only if the result stays within the limit, so it is exact under any
 * concurrency. The same update can run alone or inside a transaction next to the write it guards.
 */

export type WindowKind = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'lifetime';

export interface Window {
  kind: WindowKind;
  /** Epoch milliseconds, inclusive. */
  startMs: number;
  /** Epoch milliseconds, exclusive; Infinity for `lifetime`. */
  endMs: number;
}

const fixedSizeMs: Partial<Record<WindowKind, number>> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Windows are aligned to UTC: days start at 00:00 UTC, months on the 1st at 00:00 UTC. */
export const windowAt = (kind: WindowKind, nowMs: number): Window => {
  if (kind === 'lifetime') return { kind, startMs: 0, endMs: Infinity };
  if (kind === 'month') {
    const now = new Date(nowMs);
    return {
      kind,
      startMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
      endMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
    };
  }
  const size = fixedSizeMs[kind]!;
  const startMs = Math.floor(nowMs / size) * size;
  return { kind, startMs, endMs: startMs + size };
};

/** Whole seconds until the window ends (at least 1): what a Retry-After header should say. */
export const secondsUntilEnd = (window: Window, nowMs: number): number =>
  Math.max(1, Math.ceil((window.endMs - nowMs) / 1000));

/** TTL removes a window item a minute after it ends; reads never depend on that happening. */
const expiryGraceSeconds = 60;

export interface ConsumeInput {
  tableName: string;
  /** Partition key of the counter, e.g. publicCreationPartition(ipHash) (lambdas/shared/keys.ts). */
  counterKey: string;
  window: Window;
  cost: number;
  limit: number;
}

type DocumentUpdate = Omit<Update, 'Key' | 'ExpressionAttributeValues'> & {
  Key: Record<string, NativeAttributeValue>;
  ExpressionAttributeValues: Record<string, NativeAttributeValue>;
};

/**
 * The conditional update that consumes `cost` from the window. Callers must not call it when
 * `cost > limit` (no amount of waiting makes that fit; deny without writing anything).
 */
export const consumeUpdate = ({ tableName, counterKey, window, cost, limit }: ConsumeInput): DocumentUpdate => {
  if (cost > limit) throw new RangeError('cost exceeds the limit: deny without writing');
  return {
    TableName: tableName,
    Key: windowKey(counterKey, window),
    ConditionExpression: 'attribute_not_exists(#count) OR #count <= :headroom',
    ...buildUpdate({ add: ['#count :cost'], names: { '#count': 'count' }, values: { ':cost': cost, ':headroom': limit - cost } }, windowExpiry(window)),
  };
};

/** Gives a new item its TTL; a later write never moves it. */
export const itemExpiry = (expiresAtSeconds: number): UpdatePart => ({
  set: ['#expiresAt = if_not_exists(#expiresAt, :expiresAt)'],
  names: { '#expiresAt': table.expiresAt },
  values: { ':expiresAt': expiresAtSeconds },
});

/** A window item's TTL: nothing for lifetime windows, which never end. */
export const windowExpiry = (window: Window): UpdatePart =>
  Number.isFinite(window.endMs) ? itemExpiry(Math.ceil(window.endMs / 1000) + expiryGraceSeconds) : {};
