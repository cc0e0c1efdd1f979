import { v1Route } from '../shared/private-api.ts';
import { windowAt } from '../shared/windowed-counter.ts';
import { monthRequests } from './account-counters.ts';
import { quotaContextOf } from './context.ts';
import { recentDecisions } from './decision-log.ts';
import { ownerPlan } from './limits.ts';
import { contracts } from './schemas.ts';

/** The account view: the plan, this month's requests against it, and recent decisions (best effort, 7 days). */
export const handler = v1Route(contracts.account, async (_request, route) => {
  const { caller, nowMs } = route;
  const context = quotaContextOf(route);
  const [{ planName, plan }, requests, recent] = await Promise.all([
    ownerPlan(context, caller.ownerId),
    monthRequests(context, caller.ownerId),
    recentDecisions(context.client, context.tableName, caller.ownerId, nowMs),
  ]);
  return {
    statusCode: 200,
    body: {
      ownerId: caller.ownerId,
      plan: { name: planName, ...plan },
      month: {
        start: new Date(windowAt('month', nowMs).startMs).toISOString(),
        requests,
        cap: plan.monthlyRequests,
        remaining: Math.max(0, plan.monthlyRequests - requests),
      },
      recentDecisions: recent.decisions,
      recentDecisionsDropped: recent.dropped,
    },
  };
});
