import { businessMetrics } from '../shared/metrics.ts';
import { countAccountRequest } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import type { Decision } from './decision.ts';
import { decisionLog } from './decision-log.ts';
import { decideIdempotently, type IdempotentOutcome } from './idempotent-decision.ts';
import { resolveLimits, type SubjectRef } from './limits.ts';
import { decide } from './plain-decision.ts';
import { OwnerCapExceededError } from './plan-admission.ts';
import { subjectUsage } from './subject-counter.ts';

/**
 * The quota operations behind a use key, one function per route. A decision's side effects (the
 * recent-decisions log, the business metrics) belong to the decision, not to its transport, so
 * they happen here and the handlers only translate.
 */

export interface CheckConsumeRequest extends SubjectRef {
  cost: number;
  idempotencyKey?: string;
}

/** Decides, records the decision (unless replayed) and counts it in the business metrics. */
export const checkConsume = async (context: QuotaContext, { idempotencyKey, ...request }: CheckConsumeRequest): Promise<Decision> => {
  // In parallel with the decision, never in front of it; awaited however the decision ends, so a
  // Lambda container is never frozen mid-flush.
  const flush = decisionLog.flushIfDue(context.nowMs);
  try {
    const input = { ...request, ...(await resolveLimits(context, request)) };
    const outcome: IdempotentOutcome =
      idempotencyKey === undefined ? { decision: await decide(context, input), replayed: false } : await decideIdempotently(context, input, idempotencyKey);
    if (outcome.replayed) {
      businessMetrics.idempotentReplay();
    } else {
      const { ownerId, subject, metric, cost } = request;
      decisionLog.record(ownerId, { ...outcome.decision, subject, metric, cost, at: context.nowMs });
      businessMetrics.quotaDecision(outcome.decision.allowed ? 'allowed' : 'denied', outcome.decision.reason ?? 'within_limits');
    }
    return outcome.decision;
  } finally {
    await flush;
  }
};

/** The subject's usage in its current window; consumes nothing of the subject, but counts toward the account caps like every request. */
export const usage = async (context: QuotaContext, ref: SubjectRef) => {
  const { plan, limit } = await resolveLimits(context, ref);
  const [denial, current] = await Promise.all([
    countAccountRequest(context, { ownerId: ref.ownerId, plan }),
    limit ? subjectUsage(context, { ...ref, limit }) : Promise.resolve(0),
  ]);
  if (denial) throw new OwnerCapExceededError(denial, context.nowMs);
  return {
    subject: ref.subject,
    metric: ref.metric,
    current,
    limit: limit?.limit ?? null,
    remaining: limit ? Math.max(0, limit.limit - current) : null,
    window: limit && limit.window !== 'lifetime' ? limit.window : ('none' as const),
  };
};
