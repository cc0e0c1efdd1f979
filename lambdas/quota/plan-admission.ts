import { documentClient } from '../shared/dynamodb.ts';
import { writeItems, type WriteItems } from '../shared/dynamodb/item-writes.ts';
import type { PlanCounting } from '../shared/http/contract.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { secondsUntilEnd, windowAt, type WindowKind } from '../shared/windowed-counter.ts';
import { accountUpdates, chooseShards, ContendedShards, countAccountRequest, type OwnerDenial, shardRefused } from './account-counters.ts';
import { quotaContextOf } from './context.ts';
import { ownerPlan } from './limits.ts';

/**
 * How the requests of the keyed routes count toward their owner's plan caps, declared by each
 * route's contract (`countsTowardPlan`) and applied by the edge (lambdas/shared/private-api.ts), so
 * that no handler counts. Every authenticated, well-formed request of an owner whose plan has caps counts,
 * whether the route then succeeds, fails or is refused, except a `transacted` write whose own
 * condition fails (the transaction wrote nothing, the account count included); an owner on a plan
 * without caps costs nothing (no account item is written).
 */

/** The window whose cap each denial names. */
const deniedWindow: Record<OwnerDenial, WindowKind> = {
  owner_rate_limit_exceeded_second: 'second',
  owner_rate_limit_exceeded: 'minute',
  owner_monthly_limit_exceeded: 'month',
};

/** A request over an account cap, where the route has no decision to answer with: a 429. */
export class OwnerCapExceededError extends Error {
  /** Until the capped window ends: the answer's Retry-After. */
  readonly retryAfterSeconds: number;

  constructor(
    readonly denial: OwnerDenial,
    nowMs: number,
  ) {
    super(`Account cap exceeded: ${denial}`);
    this.name = 'OwnerCapExceededError';
    this.retryAfterSeconds = secondsUntilEnd(windowAt(deniedWindow[denial], nowMs), nowMs);
  }
}

const ownerDenialMessages: Record<OwnerDenial, string> = {
  owner_rate_limit_exceeded_second: 'Too many requests in a short burst on this account; try again in a moment',
  owner_rate_limit_exceeded: 'Too many requests per minute on this account',
  owner_monthly_limit_exceeded: "This account's monthly request cap is reached; it resets next calendar month",
};

/** The answer of every keyed family to a request over a cap (each family writes it in its own error shape). */
export const ownerCapErrors = [
  [
    OwnerCapExceededError,
    (error: OwnerCapExceededError) =>
      new RequestError(429, error.denial, ownerDenialMessages[error.denial], undefined, { 'Retry-After': String(error.retryAfterSeconds) }),
  ],
] as const;


/** What an operation counted `alongside` answers: its answer, and how to take its write back. */
export interface Undoable {
  undoIfRefused?: () => Promise<unknown>;
}

interface Caller {
  ownerId: string;
  table: string;
  nowMs: number;
}

const planOf = async ({ ownerId, table, nowMs }: Caller) => {
  const context = quotaContextOf({ table, nowMs });
  return { context, request: { ownerId, plan: (await ownerPlan(context, ownerId)).plan } };
};

const count = async (caller: Caller) => {
  const { context, request } = await planOf(caller);
  return countAccountRequest(context, request);
};

const sendAlone = writeItems(documentClient);

/**
 * The writer of a `transacted` route: its write and the account count, as one transaction (the
 * shards' updates with their cap conditions first, then the route's items). A shard that refuses is
 * remembered full and the transaction tried again on another, as the account counters do (each
 * shard at most once), and so is one that throttles it; when every shard of a count is known full,
 * the request is counted as a denial (lambdas/quota/account-counters.ts) and its write never made. A failed condition of the
 * route's own items is the route's outcome: nothing was written, nor counted.
 */
const countedWrite =
  (caller: Caller): WriteItems =>
  async (write) => {
    const { context, request } = await planOf(caller);
    const contended = new ContendedShards();
    for (;;) {
      const { shards, full } = chooseShards(context, request, contended);
      if (full.length > 0) {
        const denial = await countAccountRequest(context, request);
        if (denial) throw new OwnerCapExceededError(denial, caller.nowMs);
        // A shard had room after all (another container's full shard is not this one's): counted, so the write goes alone.
        return sendAlone(write);
      }
      const updates = accountUpdates(context, { ...request, enforce: true, shards });
      const counts = (['rate', 'month'] as const).filter((count) => updates[count] !== undefined);
      if (counts.length === 0) return sendAlone(write);
      const outcome = await sendAlone({ items: [...counts.map((count) => ({ Update: updates[count]! })), ...write.items] }).catch((error: unknown) => {
        if (contended.noteFailure(error, counts, shards)) return undefined;
        throw error;
      });
      if (!outcome) continue;
      if (outcome.applied) return outcome;
      const refused = counts.filter((_, index) => outcome.reasons[index]?.conditionFailed);
      if (refused.length === 0) return { applied: false, reasons: outcome.reasons.slice(counts.length) };
      for (const count of refused) shardRefused(context, request, count, shards[count], outcome.reasons[counts.indexOf(count)]!.old);
    }
  };

/**
 * Runs the route's operation as its counting (the contract's `countsTowardPlan`) says, handing it
 * the writer its stores send their writes with; over a cap, throws OwnerCapExceededError with the
 * route's own write undone or never made.
 */
export const countedTowardPlan = async <Answer extends Undoable>(counting: PlanCounting, caller: Caller, operation: (write: WriteItems) => Promise<Answer>): Promise<Answer> => {
  if (counting === 'transacted') return operation(countedWrite(caller));
  if (counting === false || counting === 'itself') return operation(sendAlone);
  const [denial, answer] = await Promise.allSettled([count(caller), operation(sendAlone)]);
  if (denial.status === 'fulfilled' && denial.value === undefined) {
    if (answer.status === 'rejected') throw answer.reason;
    return answer.value;
  }
  // Refused, or the count failed (a 503 must not leave a change behind either).
  if (answer.status === 'fulfilled') await answer.value.undoIfRefused?.();
  if (denial.status === 'rejected') throw denial.reason;
  throw new OwnerCapExceededError(denial.value!, caller.nowMs);
};
