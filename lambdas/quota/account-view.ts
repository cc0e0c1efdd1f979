import { windowAt } from '../shared/windowed-counter.ts';
import { monthRequests } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import { recentDecisions } from './decision-log.ts';
import { ownerPlan } from './limits.ts';

/** The account view: the plan, this month's requests against it, and recent decisions (best effort, 7 days). One parallel read wave. */
export const accountView = async (context: QuotaContext, ownerId: string) => {
  const [{ planName, plan }, requests, recent] = await Promise.all([
    ownerPlan(context, ownerId),
    monthRequests(context, ownerId),
    recentDecisions(context.client, context.tableName, ownerId, context.nowMs),
  ]);
  return {
    ownerId,
    plan: { name: planName, ...plan },
    month: {
      start: new Date(windowAt('month', context.nowMs).startMs).toISOString(),
      requests,
      cap: plan.monthlyRequests,
      remaining: Math.max(0, plan.monthlyRequests - requests),
    },
    recentDecisions: recent.decisions,
    recentDecisionsDropped: recent.dropped,
  };
};
