import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { tryConditionalUpdate } from '../shared/conditional-update.ts';
import { isTransactionConflict } from '../shared/errors.ts';
import type { Plan } from '../shared/plans.ts';
import { table } from '../shared/table.ts';
import { idempotencyRecordKey, quotaSubjectPartition, windowKey } from '../shared/keys.ts';
import { consumeUpdate, type Window, windowAt, windowExpiry } from '../shared/windowed-counter.ts';
import { accountUpdates, countAccountRequest, countDenied, type OwnerDenial } from './account-counters.ts';
import type { EffectiveLimit } from './config-store.ts';

/**
 * check-consume: may this subject consume `cost` of this metric now? countr's semantics: allowed
 * only if the owner's account caps and the subject's limit all hold; a denial consumes nothing of
 * the subject; every request counts toward the account caps, allowed or denied (replays excepted).
 *
 * Without an Idempotency-Key an allowed decision is one round trip: the subject's conditional
 * UpdateItem (which returns the new count, hence `remaining`) runs in parallel with the account's
 * two conditional updates. Only when the account turns out to be over a cap (a denial, off the hot
 * path) is the subject's consumption given back, in a second write.
 *
 * With an Idempotency-Key the stored decision and the consumption must never exist one without the
 * other, so they are written in one transaction with the account counts. A transaction returns no
 * values, so the subject's count is read first and the transaction is conditional on it being
 * unchanged (optimistic concurrency; a concurrent change retries).
 */

export type Reason = 'limit_exceeded' | OwnerDenial;

export interface Decision {
  allowed: boolean;
  remaining: number | null;
  reason: Reason | null;
}

export interface DecisionInput {
  ownerId: string;
  plan: Plan;
  limit: EffectiveLimit | null;
  subject: string;
  metric: string;
  cost: number;
}

export interface DecisionContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  nowMs: number;
}

type SubjectRef = Pick<DecisionInput, 'ownerId' | 'metric' | 'subject'>;

const subjectCounterKey = ({ ownerId, metric, subject }: SubjectRef) => quotaSubjectPartition(ownerId, metric, subject);
const subjectItemKey = (subject: SubjectRef, limit: EffectiveLimit, nowMs: number) =>
  windowKey(subjectCounterKey(subject), windowAt(limit.window, nowMs));

/** The subject's usage in the current window (0 when nothing was consumed yet). */
export const subjectUsage = async ({ client, tableName, nowMs }: DecisionContext, subject: SubjectRef, limit: EffectiveLimit): Promise<number> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: subjectItemKey(subject, limit, nowMs), ConsistentRead: true }));
  return Number(Item?.count ?? 0);
};

const allowed = (remaining: number | null): Decision => ({ allowed: true, remaining, reason: null });
const denied = (reason: Reason, remaining: number): Decision => ({ allowed: false, remaining, reason });
const remainingOf = (limit: number, used: number) => Math.max(0, limit - used);

/** A request that can never fit (cost above the limit) is denied without creating anything; it still counts for the account. */
const denyOversized = async (context: DecisionContext, input: DecisionInput, limit: EffectiveLimit): Promise<Decision> => {
  const [denial, used] = await Promise.all([
    countAccountRequest(context.client, context.tableName, input.ownerId, input.plan, context.nowMs),
    subjectUsage(context, input, limit),
  ]);
  return denial ? denied(denial, 0) : denied('limit_exceeded', remainingOf(limit.limit, used));
};

/** A decision without an Idempotency-Key. */
export const decide = async (context: DecisionContext, input: DecisionInput): Promise<Decision> => {
  const { client, tableName, nowMs } = context;
  const { ownerId, plan, limit, cost } = input;
  if (limit === null) {
    const denial = await countAccountRequest(client, tableName, ownerId, plan, nowMs);
    return denial ? denied(denial, 0) : allowed(null);
  }
  if (cost > limit.limit) return denyOversized(context, input, limit);

  const account = accountUpdates(tableName, ownerId, plan, nowMs, true);
  const subjectKey = subjectItemKey(input, limit, nowMs);
  const [rate, month, subject] = await Promise.all([
    tryConditionalUpdate(client, account.rate),
    tryConditionalUpdate(client, account.month),
    tryConditionalUpdate(client, consumeUpdate({ tableName, counterKey: subjectCounterKey(input), window: windowAt(limit.window, nowMs), cost, limit: limit.limit })),
  ]);
  if (rate.applied && month.applied) {
    return subject.applied
      ? allowed(remainingOf(limit.limit, Number(subject.item.count)))
      : denied('limit_exceeded', remainingOf(limit.limit, Number(subject.item.count ?? 0)));
  }
  const [denial] = await Promise.all([
    countDenied(client, tableName, ownerId, plan, nowMs, rate, month),
    subject.applied
      ? client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: subjectKey,
            UpdateExpression: 'ADD #count :giveBack',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':giveBack': -cost },
          }),
        )
      : undefined,
  ]);
  return denied(denial ?? 'owner_rate_limit_exceeded', 0);
};

/** Allowed decisions behind an Idempotency-Key are kept 24 hours. */
export const idempotencyRecordSeconds = 86_400;
const maxIdempotentAttempts = 8;

export interface IdempotentOutcome {
  decision: Decision;
  replayed: boolean;
}

/** The same key with another body: the caller reused a key, which must not silently return someone else's decision. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('This Idempotency-Key was used with a different request body');
    this.name = 'IdempotencyKeyReusedError';
  }
}

const requestHash = ({ subject, metric, cost }: DecisionInput) => createHash('sha256').update(JSON.stringify([subject, metric, cost])).digest('hex');

const storedDecision = (record: Record<string, unknown> | undefined, hash: string, nowSeconds: number): IdempotentOutcome | undefined => {
  if (!record || Number(record[table.expiresAt]) <= nowSeconds) return undefined;
  if (record.requestHash !== hash) throw new IdempotencyKeyReusedError();
  const { allowed: wasAllowed, remaining, reason } = record.decision as Decision;
  return { decision: { allowed: wasAllowed, remaining, reason }, replayed: true };
};

/**
 * A decision behind an Idempotency-Key: a stored decision is replayed (not consumed, not counted);
 * otherwise an allowed decision is stored, atomically with its consumption and account counts.
 * Denied decisions are not stored: a retry re-evaluates them live.
 *
 * The record and the count are read in parallel, so a duplicate can see "no record" from before the
 * original committed and the count from after it, and would deny a request that was allowed. A
 * denial is therefore answered only after a second consistent read of the record, which by then
 * sees any commit the count reflected; that read costs denials one more round trip, never the
 * allowed or replayed paths.
 */
export const decideIdempotently = async (context: DecisionContext, input: DecisionInput, idempotencyKey: string): Promise<IdempotentOutcome> => {
  const { client, tableName, nowMs } = context;
  const { ownerId, plan, limit, cost } = input;
  const hash = requestHash(input);
  const nowSeconds = Math.floor(nowMs / 1000);
  const record = idempotencyRecordKey(ownerId, idempotencyKey);
  const readRecord = async () => (await client.send(new GetCommand({ TableName: tableName, Key: record, ConsistentRead: true }))).Item;
  const unlessStoredMeanwhile = async (deny: () => Promise<Decision>): Promise<IdempotentOutcome> =>
    storedDecision(await readRecord(), hash, nowSeconds) ?? { decision: await deny(), replayed: false };

  for (let attempt = 0; attempt < maxIdempotentAttempts; attempt++) {
    if (attempt > 0) await new Promise((wake) => setTimeout(wake, 5 + Math.random() * 10 * 2 ** Math.min(attempt, 5)));
    const fits = limit !== null && cost <= limit.limit;
    const [existing, used] = await Promise.all([readRecord(), fits ? subjectUsage(context, input, limit) : Promise.resolve(0)]);
    const replay = storedDecision(existing, hash, nowSeconds);
    if (replay) return replay;
    if (limit !== null && (!fits || used + cost > limit.limit)) return unlessStoredMeanwhile(() => denyOversizedOrUsed(context, input, limit, used));

    const decision = allowed(limit === null ? null : limit.limit - used - cost);
    const account = accountUpdates(tableName, ownerId, plan, nowMs, true);
    const subjectKey = limit === null ? undefined : subjectItemKey(input, limit, nowMs);
    const transactItems = [
      { Update: { ...account.rate, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } },
      { Update: { ...account.month, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } },
      ...(subjectKey && limit ? [{ Update: expectedCountUpdate(tableName, subjectKey, windowAt(limit.window, nowMs), used, cost) }] : []),
      {
        Put: {
          TableName: tableName,
          Item: { ...record, requestHash: hash, decision, [table.expiresAt]: nowSeconds + idempotencyRecordSeconds },
          ConditionExpression: 'attribute_not_exists(#expiresAt) OR #expiresAt <= :now',
          ExpressionAttributeNames: { '#expiresAt': table.expiresAt },
          ExpressionAttributeValues: { ':now': nowSeconds },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      },
    ];
    try {
      await client.send(new TransactWriteCommand({ TransactItems: transactItems }));
      return { decision, replayed: false };
    } catch (error) {
      if (isTransactionConflict(error)) continue;
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = (index: number) => reasons[index]?.Code === 'ConditionalCheckFailed';
      const itemOf = (index: number) => (reasons[index]?.Item ? unmarshall(reasons[index]!.Item!) : undefined);
      // Stored meanwhile by a concurrent duplicate: replay the record the cancellation returned.
      if (failed(transactItems.length - 1)) {
        const stored = storedDecision(itemOf(transactItems.length - 1), hash, nowSeconds);
        if (stored) return stored;
        continue;
      }
      if (failed(0) || failed(1)) {
        const seen = (index: number) => ({ applied: !failed(index), item: itemOf(index) ?? {} });
        return unlessStoredMeanwhile(async () => {
          const denial = await countDenied(client, tableName, ownerId, plan, nowMs, seen(0), seen(1));
          return denied(denial ?? 'owner_rate_limit_exceeded', 0);
        });
      }
      if (subjectKey && failed(2)) continue; // the subject's count moved: decide again on fresh numbers
      throw error;
    }
  }
  throw Object.assign(new Error('Idempotent decision kept conflicting'), { $retryable: { throttling: true } });
};

/** Consumes `cost` only if the count is still exactly `used`: the transaction's stand-in for a returned value. */
const expectedCountUpdate = (tableName: string, key: Record<string, unknown>, window: Window, used: number, cost: number) => {
  const expiry = windowExpiry(window);
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: `SET #count = :next${expiry.set.replace(' SET', ',')}`,
    ConditionExpression: used === 0 ? 'attribute_not_exists(#count) OR #count = :used' : '#count = :used',
    ExpressionAttributeNames: { '#count': 'count', ...expiry.names },
    ExpressionAttributeValues: { ':used': used, ':next': used + cost, ...expiry.values },
  };
};

const denyOversizedOrUsed = async (context: DecisionContext, input: DecisionInput, limit: EffectiveLimit, used: number): Promise<Decision> => {
  if (input.cost > limit.limit) return denyOversized(context, input, limit);
  const denial = await countAccountRequest(context.client, context.tableName, input.ownerId, input.plan, context.nowMs);
  return denial ? denied(denial, 0) : denied('limit_exceeded', remainingOf(limit.limit, used));
};
