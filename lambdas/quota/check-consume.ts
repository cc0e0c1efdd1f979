import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { effectiveLimit } from './config-store.ts';
import { decide, decideIdempotently, IdempotencyKeyReusedError, type IdempotentOutcome } from './decision.ts';
import { decisionLog } from './decision-log.ts';
import { quotaContext } from './quota-context.ts';
import { contracts } from './schemas.ts';

const quotaErrors = [[IdempotencyKeyReusedError, (error: IdempotencyKeyReusedError) => new RequestError(422, 'idempotency_key_reused', error.message)]] as const;

export const handler = v1Route(contracts.checkConsume, async ({ 'Idempotency-Key': key, ...request }, { caller, nowMs, table }) => {
  // In parallel with the decision, never in front of it; awaited however the decision ends, so a
  // Lambda container is never frozen mid-flush.
  const flush = decisionLog.flushIfDue(nowMs);
  try {
    const { plan, config } = await quotaContext(documentClient, table, { ...request, ownerId: caller.ownerId }, nowMs);
    const input = { ...request, ownerId: caller.ownerId, plan, limit: effectiveLimit(config) };
    const context = { client: documentClient, tableName: table, nowMs };
    const outcome: IdempotentOutcome =
      key === undefined ? { decision: await decide(context, input), replayed: false } : await decideIdempotently(context, input, key);
    if (outcome.replayed) {
      businessMetrics.idempotentReplay();
    } else {
      decisionLog.record(caller.ownerId, { ...outcome.decision, subject: request.subject, metric: request.metric, cost: request.cost, at: nowMs });
      businessMetrics.quotaDecision(outcome.decision.allowed ? 'allowed' : 'denied', outcome.decision.reason ?? 'within_limits');
    }
    return { statusCode: 200, body: outcome.decision };
  } finally {
    await flush;
  }
}, quotaErrors);
