import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { windowAt } from '../shared/windowed-counter.ts';
import { monthItemKey } from './account-counters.ts';
import { recentDecisions } from './decision-log.ts';
import { ownerPlan } from './quota-context.ts';
import { contracts } from './schemas.ts';

/** The account view: the plan, this month's requests against it, and recent decisions (best effort, 7 days). */
export const handler = v1Route(contracts.account, async (_request, { caller, nowMs, table }) => {
  const [{ planName, plan }, { Item: month }, recent] = await Promise.all([
    ownerPlan(documentClient, table, caller.ownerId, nowMs),
    documentClient.send(new GetCommand({ TableName: table, Key: monthItemKey(caller.ownerId, nowMs), ConsistentRead: true })),
    recentDecisions(documentClient, table, caller.ownerId, nowMs),
  ]);
  const requests = Number(month?.count ?? 0);
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
