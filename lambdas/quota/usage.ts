import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { countAccountRequest } from './account-counters.ts';
import { effectiveLimit } from './config-store.ts';
import { subjectUsage } from './decision.ts';
import { quotaContext } from './quota-context.ts';
import { contracts } from './schemas.ts';

const ownerDenialMessages = {
  owner_rate_limit_exceeded_second: 'Too many requests in a short burst on this account; try again in a moment',
  owner_rate_limit_exceeded: 'Too many requests per minute on this account',
  owner_monthly_limit_exceeded: "This account's monthly request cap is reached; it resets next calendar month",
};

/** Usage consumes nothing of the subject, but counts toward the account caps like every request. */
export const handler = v1Route(contracts.usage, async ({ subject, metric }, { caller, nowMs, table }) => {
  const { plan, config } = await quotaContext(documentClient, table, { ownerId: caller.ownerId, metric, subject }, nowMs);
  const limit = effectiveLimit(config);
  const context = { client: documentClient, tableName: table, nowMs };
  const [denial, current] = await Promise.all([
    countAccountRequest(documentClient, table, caller.ownerId, plan, nowMs),
    limit ? subjectUsage(context, { ownerId: caller.ownerId, metric, subject }, limit) : Promise.resolve(0),
  ]);
  if (denial) throw new RequestError(429, denial, ownerDenialMessages[denial]);
  return {
    statusCode: 200,
    body: {
      subject,
      metric,
      current,
      limit: limit?.limit ?? null,
      remaining: limit ? Math.max(0, limit.limit - current) : null,
      window: limit && limit.window !== 'lifetime' ? limit.window : ('none' as const),
    },
  };
});
