import type { Plan } from '../shared/plans.ts';
import { countAccountRequest, type OwnerDenial } from './account-counters.ts';
import type { EffectiveLimit } from './config-store.ts';
import type { QuotaContext } from './context.ts';
import { subjectUsage } from './subject-counter.ts';

/**
 * check-consume's answer, with countr's semantics: allowed only if the owner's account caps and the
 * subject's limit all hold; a denial consumes nothing of the subject; every request counts toward
 * the account caps, allowed or denied (replays excepted). Two algorithms decide it: without an
 * Idempotency-Key (plain-decision.ts) and with one (idempotent-decision.ts).
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

export const allowed = (remaining: number | null): Decision => ({ allowed: true, remaining, reason: null });
export const denied = (reason: Reason, remaining: number): Decision => ({ allowed: false, remaining, reason });
export const remainingOf = (limit: number, used: number) => Math.max(0, limit - used);

/** A denial by the account, else by the subject's limit with what is left of it. */
const deniedBy = (denial: OwnerDenial | undefined, limit: EffectiveLimit, used: number) =>
  denial ? denied(denial, 0) : denied('limit_exceeded', remainingOf(limit.limit, used));

/** A request that can never fit (cost above the limit) is denied without creating anything; it still counts for the account. */
export const denyOversized = async (context: QuotaContext, input: DecisionInput, limit: EffectiveLimit): Promise<Decision> => {
  const [denial, used] = await Promise.all([countAccountRequest(context, input), subjectUsage(context, { ...input, limit })]);
  return deniedBy(denial, limit, used);
};

/** A request over the subject's limit at a known usage: still counted for the account, which may deny it first. */
export const denyOverLimit = async (context: QuotaContext, input: DecisionInput, limit: EffectiveLimit, used: number): Promise<Decision> =>
  deniedBy(await countAccountRequest(context, input), limit, used);
