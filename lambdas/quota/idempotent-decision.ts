import { createHash } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons } from '../shared/dynamodb/cancellation.ts';
import { retrying, retryPolicy } from '../shared/dynamodb/retry.ts';
import { isTransactionConflict } from '../shared/errors.ts';
import { idempotencyRecordKey } from '../shared/keys.ts';
import { table } from '../shared/table.ts';
import { accountUpdates, countDenied } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import { allowed, type Decision, type DecisionInput, denied, denyOversized, denyOverLimit } from './decision.ts';
import { consumeSubjectIfUnchanged, subjectUsage } from './subject-counter.ts';

/**
 * A decision behind an Idempotency-Key: the stored decision and the consumption must never exist
 * one without the other, so they are written in one transaction with the account counts. A
 * transaction returns no values, so the subject's count is read first and the transaction is
 * conditional on it being unchanged (optimistic concurrency; a concurrent change retries).
 */

/** Allowed decisions behind an Idempotency-Key are kept 24 hours. */
export const idempotencyRecordSeconds = 86_400;
/** Contention on one subject is expected here (optimistic concurrency), so it may try a little longer than the default. */
const idempotentRetryPolicy = { ...retryPolicy, maxAttempts: 8 };

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

const onRefusal = { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };

/** The account counts, the subject's consumption (when a limit applies) and the record, last; written together or not at all. */
const decisionTransaction = (
  context: QuotaContext,
  input: DecisionInput,
  { record, hash, used, decision }: { record: Record<string, unknown>; hash: string; used: number; decision: Decision },
) => {
  const nowSeconds = Math.floor(context.nowMs / 1000);
  const account = accountUpdates(context, { ...input, enforce: true });
  return [
    { Update: { ...account.rate, ...onRefusal } },
    { Update: { ...account.month, ...onRefusal } },
    ...(input.limit ? [{ Update: consumeSubjectIfUnchanged(context, { ...input, limit: input.limit, used }) }] : []),
    {
      Put: {
        TableName: context.tableName,
        Item: { ...record, requestHash: hash, decision, [table.expiresAt]: nowSeconds + idempotencyRecordSeconds },
        ConditionExpression: 'attribute_not_exists(#expiresAt) OR #expiresAt <= :now',
        ExpressionAttributeNames: { '#expiresAt': table.expiresAt },
        ExpressionAttributeValues: { ':now': nowSeconds },
        ...onRefusal,
      },
    },
  ];
};

/** Why a decision's transaction was cancelled, by item: the record (last), the account (first two) or the subject's count. */
const cancellation = (error: unknown, { items, countsSubject }: { items: number; countsSubject: boolean }) => {
  const reasons = cancellationReasons(error);
  if (!reasons) return undefined;
  const seen = (index: number) => ({ applied: !reasons[index]?.conditionFailed, old: reasons[index]?.old });
  return {
    record: reasons[items - 1]?.conditionFailed ? { item: reasons[items - 1]!.old } : undefined,
    account: reasons[0]?.conditionFailed || reasons[1]?.conditionFailed ? { rate: seen(0), month: seen(1) } : undefined,
    subjectMoved: countsSubject && reasons[2]?.conditionFailed === true,
  };
};

/** This attempt's numbers went stale (a conflicting transaction, the subject's count moved): decide again. */
class DecideAgain extends Error {}

/**
 * A stored decision is replayed (not consumed, not counted); otherwise an allowed decision is
 * stored, atomically with its consumption and account counts. Denied decisions are not stored: a
 * retry re-evaluates them live.
 *
 * The record and the count are read in parallel, so a duplicate can see "no record" from before the
 * original committed and the count from after it, and would deny a request that was allowed. A
 * denial is therefore answered only after a second consistent read of the record, which by then
 * sees any commit the count reflected; that read costs denials one more round trip, never the
 * allowed or replayed paths.
 */
export const decideIdempotently = async (context: QuotaContext, input: DecisionInput, idempotencyKey: string): Promise<IdempotentOutcome> => {
  const { client, tableName, nowMs } = context;
  const { limit, cost } = input;
  const hash = requestHash(input);
  const nowSeconds = Math.floor(nowMs / 1000);
  const record = idempotencyRecordKey(input.ownerId, idempotencyKey);
  const readRecord = async () => (await client.send(new GetCommand({ TableName: tableName, Key: record, ConsistentRead: true }))).Item;
  const unlessStoredMeanwhile = async (deny: () => Promise<Decision>): Promise<IdempotentOutcome> =>
    storedDecision(await readRecord(), hash, nowSeconds) ?? { decision: await deny(), replayed: false };

  const attempt = async (): Promise<IdempotentOutcome> => {
    const fits = limit !== null && cost <= limit.limit;
    const [existing, used] = await Promise.all([readRecord(), fits ? subjectUsage(context, { ...input, limit }) : Promise.resolve(0)]);
    const replay = storedDecision(existing, hash, nowSeconds);
    if (replay) return replay;
    if (limit !== null && !fits) return unlessStoredMeanwhile(() => denyOversized(context, input, limit));
    if (limit !== null && used + cost > limit.limit) return unlessStoredMeanwhile(() => denyOverLimit(context, input, limit, used));

    const decision = allowed(limit === null ? null : limit.limit - used - cost);
    const transactItems = decisionTransaction(context, input, { record, hash, used, decision });
    try {
      await client.send(new TransactWriteCommand({ TransactItems: transactItems }));
      return { decision, replayed: false };
    } catch (error) {
      if (isTransactionConflict(error)) throw new DecideAgain();
      const cancelled = cancellation(error, { items: transactItems.length, countsSubject: limit !== null });
      if (!cancelled) throw error;
      if (cancelled.record) {
        // Stored meanwhile by a concurrent duplicate: replay the record the cancellation returned.
        const stored = storedDecision(cancelled.record.item, hash, nowSeconds);
        if (stored) return stored;
        throw new DecideAgain();
      }
      const { account } = cancelled;
      if (account) return unlessStoredMeanwhile(async () => denied((await countDenied(context, { ...input, ...account })) ?? 'owner_rate_limit_exceeded', 0));
      if (cancelled.subjectMoved) throw new DecideAgain();
      throw error;
    }
  };
  try {
    return await retrying(attempt, (error) => error instanceof DecideAgain, idempotentRetryPolicy);
  } catch (error) {
    if (error instanceof DecideAgain) throw Object.assign(new Error('Idempotent decision kept conflicting'), { $retryable: { throttling: true } });
    throw error;
  }
};
