import { windowAt } from '../shared/windowed-counter.ts';
import { monthRequests } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import { recentDecisions } from './decision-log.ts';
import { ownerPlan } from './limits.ts';

/**
 * The account view: the plan, this month's requests against it, and recent decisions (best effort,
 * 7 days). The plan (cached) first, as it says how many month shards to sum; then one parallel read wave. A cap the plan leaves unset shows as null, and so does the
 * month's count when nothing caps the month (no request writes it then).
 */
export const accountView = async (context: QuotaContext, ownerId: string) => {
  const [{ planName, plan }, recent] = await Promise.all([ownerPlan(context, ownerId), recentDecisions(context.client, context.tableName, ownerId, context.nowMs)]);
  const requests = plan.monthlyRequests === undefined ? 0 : await monthRequests(context, { ownerId, plan });
  return {
    ownerId,
    plan: {
      name: planName,
      ...plan,
      monthlyRequests: plan.monthlyRequests ?? null,
      requestsPerMinute: plan.requestsPerMinute ?? null,
      requestsPerSecond: plan.requestsPerSecond ?? null,
    },
    month: {
      start: new Date(windowAt('month', context.nowMs).startMs).toISOString(),
      requests: plan.monthlyRequests === undefined ? null : requests,
      cap: plan.monthlyRequests ?? null,
      remaining: plan.monthlyRequests === undefined ? null : Math.max(0, plan.monthlyRequests - requests),
    },
    recentDecisions: recent.decisions,
    recentDecisionsDropped: recent.dropped,
  };
};
