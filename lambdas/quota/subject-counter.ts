import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { quotaSubjectPartition, windowKey } from '../shared/keys.ts';
import { buildUpdate } from '../shared/dynamodb/update-expression.ts';
import { consumeUpdate, windowAt, windowExpiry } from '../shared/windowed-counter.ts';
import type { EffectiveLimit } from './config-store.ts';
import type { QuotaContext } from './context.ts';
import type { SubjectRef } from './limits.ts';

/**
 * A subject's usage of a metric under its limit: a fixed-window counter (lambdas/shared/windowed-counter.ts)
 * with one item per window of the limit's kind, so a new window starts from zero and an old one is
 * never addressed again.
 */

export interface SubjectCounter extends SubjectRef {
  limit: EffectiveLimit;
}

type ItemContext = Pick<QuotaContext, 'tableName' | 'nowMs'>;

const windowOf = ({ limit }: SubjectCounter, nowMs: number) => windowAt(limit.window, nowMs);
const counterKey = ({ ownerId, metric, subject }: SubjectRef) => quotaSubjectPartition(ownerId, metric, subject);
const itemKey = (counter: SubjectCounter, nowMs: number) => windowKey(counterKey(counter), windowOf(counter, nowMs));

/** The subject's usage in the current window (0 when nothing was consumed yet). */
export const subjectUsage = async ({ client, tableName, nowMs }: QuotaContext, counter: SubjectCounter): Promise<number> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: itemKey(counter, nowMs), ConsistentRead: true }));
  return Number(Item?.count ?? 0);
};

/** Consumes `cost` if it fits the limit; the caller denies without writing when `cost` exceeds the limit itself. */
export const consumeSubject = ({ tableName, nowMs }: ItemContext, { cost, ...counter }: SubjectCounter & { cost: number }) =>
  consumeUpdate({ tableName, counterKey: counterKey(counter), window: windowOf(counter, nowMs), cost, limit: counter.limit.limit });

/** Takes back a consumption of a request the account then refused. */
export const giveBackSubject = ({ tableName, nowMs }: ItemContext, { cost, ...counter }: SubjectCounter & { cost: number }) => ({
  TableName: tableName,
  Key: itemKey(counter, nowMs),
  ...buildUpdate({ add: ['#count :giveBack'], names: { '#count': 'count' }, values: { ':giveBack': -cost } }),
});

/** Consumes `cost` only if the count is still exactly `used`: a transaction's stand-in for a returned value. */
export const consumeSubjectIfUnchanged = (
  { tableName, nowMs }: ItemContext,
  { used, cost, ...counter }: SubjectCounter & { used: number; cost: number },
) => ({
  TableName: tableName,
  Key: itemKey(counter, nowMs),
  ConditionExpression: used === 0 ? 'attribute_not_exists(#count) OR #count = :used' : '#count = :used',
  ...buildUpdate({ set: ['#count = :next'], names: { '#count': 'count' }, values: { ':used': used, ':next': used + cost } }, windowExpiry(windowOf(counter, nowMs))),
});
