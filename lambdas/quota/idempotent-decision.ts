import { createHash } from 'node:crypto';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons } from '../shared/dynamodb/cancellation.ts';
import { retrying, retryPolicy } from '../shared/dynamodb/retry.ts';
import { isTransactionConflict } from '../shared/errors.ts';
import { idempotencyRecordKey } from '../shared/keys.ts';
import { table } from '../shared/table.ts';
import { type AccountCount, accountUpdates, chooseShards, ContendedShards, countDenied, shardRefused, type ShardChoice } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import { allowed, type Decision, type DecisionInput, denied, denyOversized, denyOverLimit } from './decision.ts';
import { consumeSubjectIfUnchanged, largestSlice, shardUsages, sliceOf } from './subject-counter.ts';

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

type TransactionRole = 'rate' | 'month' | 'subject' | 'record';
type TransactWriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The account counts (those the plan writes), the subject's consumption (when a limit applies) and
 * the record, last; written together or not at all. Each item comes with its role, by which a
 * cancellation's reasons are read.
 */
const decisionTransaction = (
  context: QuotaContext,
  input: DecisionInput,
  { record, hash, used, decision, shards }: { record: Record<string, unknown>; hash: string; used: { shard: number; count: number }; decision: Decision; shards: ShardChoice },
) => {
  const nowSeconds = Math.floor(context.nowMs / 1000);
  const account = accountUpdates(context, { ...input, enforce: true, shards });
  const items: Record<TransactionRole, TransactWriteItem | undefined> = {
    rate: account.rate && { Update: { ...account.rate, ...onRefusal } },
    month: account.month && { Update: { ...account.month, ...onRefusal } },
    subject: input.limit ? { Update: consumeSubjectIfUnchanged(context, { ...input, limit: input.limit, shard: used.shard, used: used.count }) } : undefined,
    record: {
      Put: {
        TableName: context.tableName,
        Item: { ...record, requestHash: hash, decision, [table.expiresAt]: nowSeconds + idempotencyRecordSeconds },
        ConditionExpression: 'attribute_not_exists(#expiresAt) OR #expiresAt <= :now',
        ExpressionAttributeNames: { '#expiresAt': table.expiresAt },
        ExpressionAttributeValues: { ':now': nowSeconds },
        ...onRefusal,
      },
    },
  };
  return Object.entries(items).filter((entry): entry is [TransactionRole, TransactWriteItem] => entry[1] !== undefined);
};

/** The account counts of a decision's transaction: its first items, in order (what ContendedShards reads a failure by). */
const accountRoles = (transaction: ReturnType<typeof decisionTransaction>): AccountCount[] =>
  transaction.flatMap(([role]) => (role === 'rate' || role === 'month' ? [role] : []));

/** Why a decision's transaction was cancelled, by the role of each item: the record, the account or the subject's count. */
const cancellation = (error: unknown, roles: readonly TransactionRole[]) => {
  const reasons = cancellationReasons(error);
  if (!reasons) return undefined;
  const reasonOf = (role: TransactionRole) => (roles.includes(role) ? reasons[roles.indexOf(role)] : undefined);
  const refused = (['rate', 'month'] as const).filter((count) => reasonOf(count)?.conditionFailed).map((count) => ({ count, old: reasonOf(count)!.old }));
  return {
    record: reasonOf('record')?.conditionFailed ? { item: reasonOf('record')!.old } : undefined,
    refused,
    subjectMoved: reasonOf('subject')?.conditionFailed === true,
  };
};

/** Every shard of some account count is full: the request is denied, and counted on a full shard of each such count. */
const denyFullAccount = async (context: QuotaContext, input: DecisionInput, shards: ShardChoice, full: AccountCount[]): Promise<Decision> => {
  const attempt = (count: AccountCount) => ({ applied: !full.includes(count), shard: shards[count] });
  return denied((await countDenied(context, { ...input, rate: attempt('rate'), month: attempt('month') }))!, 0);
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
    const counter = limit && { ...input, limit };
    const fits = counter !== null && cost <= largestSlice(counter);
    const [existing, usages] = await Promise.all([readRecord(), fits ? shardUsages(context, counter) : Promise.resolve([0])]);
    const replay = storedDecision(existing, hash, nowSeconds);
    if (replay) return replay;
    if (limit !== null && !fits) return unlessStoredMeanwhile(() => denyOversized(context, input, limit));
    // A hot metric's consumption goes to a shard it fits, at random (subject-counter.ts).
    const room = (shard: number) => sliceOf(counter!, shard) - usages[shard]!;
    const fitting = usages.map((_, shard) => shard).filter((shard) => counter === null || room(shard) >= cost);
    const used = usages.reduce((sum, count) => sum + count, 0);
    if (limit !== null && fitting.length === 0) return unlessStoredMeanwhile(() => denyOverLimit(context, input, limit, used));
    const shard = fitting[Math.floor(Math.random() * fitting.length)]!;

    const decision = allowed(counter === null ? null : room(shard) - cost);
    // A shard of the account that refused is full: the transaction is tried again at once on
    // another, until one admits or every shard is known full (account-counters.ts).
    const contended = new ContendedShards();
    for (;;) {
      const { shards, full } = chooseShards(context, input, contended);
      if (full.length > 0) return unlessStoredMeanwhile(() => denyFullAccount(context, input, shards, full));
      const transaction = decisionTransaction(context, input, { record, hash, used: { shard, count: usages[shard]! }, decision, shards });
      try {
        await client.send(new TransactWriteCommand({ TransactItems: transaction.map(([, item]) => item) }));
        return { decision, replayed: false };
      } catch (error) {
        if (isTransactionConflict(error)) throw new DecideAgain();
        const cancelled = cancellation(error, transaction.map(([role]) => role));
        if (!cancelled) {
          if (contended.noteFailure(error, accountRoles(transaction), shards)) continue;
          throw error;
        }
        if (cancelled.record) {
          // Stored meanwhile by a concurrent duplicate: replay the record the cancellation returned.
          const stored = storedDecision(cancelled.record.item, hash, nowSeconds);
          if (stored) return stored;
          throw new DecideAgain();
        }
        if (cancelled.refused.length > 0) {
          for (const { count, old } of cancelled.refused) shardRefused(context, input, count, shards[count], old);
          continue;
        }
        if (cancelled.subjectMoved) throw new DecideAgain();
        if (contended.noteFailure(error, accountRoles(transaction), shards)) continue;
        throw error;
      }
    }
  };
  try {
    return await retrying(attempt, (error) => error instanceof DecideAgain, idempotentRetryPolicy);
  } catch (error) {
    if (error instanceof DecideAgain) throw Object.assign(new Error('Idempotent decision kept conflicting'), { $retryable: { throttling: true } });
    throw error;
  }
};
