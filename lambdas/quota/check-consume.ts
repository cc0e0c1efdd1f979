import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { ApiError, v1Route } from '../shared/private-api.ts';
import { effectiveLimit } from './config-store.ts';
import { decide, decideIdempotently, IdempotencyKeyReusedError, type IdempotentOutcome } from './decision.ts';
import { decisionLog } from './decision-log.ts';
import { quotaContext } from './quota-context.ts';
import { checkConsumeRequest, idempotencyKey } from './schemas.ts';

const idempotencyKeyOf = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(header);
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    throw new ApiError(400, 'validation_error', message, { 'Idempotency-Key': message });
  }
  return parsed.data;
};

export const handler = v1Route({ keyKind: 'use', schema: checkConsumeRequest }, async (request, { caller, event, nowMs, table }) => {
  const key = idempotencyKeyOf(event.headers['idempotency-key']);
  // In parallel with the decision, never in front of it; awaited however the decision ends, so a
  // Lambda container is never frozen mid-flush.
  const flush = decisionLog.flushIfDue(nowMs);
  try {
    const { plan, config } = await quotaContext(documentClient, table, { ...request, ownerId: caller.ownerId }, nowMs);
    const input = { ...request, ownerId: caller.ownerId, plan, limit: effectiveLimit(config) };
    const context = { client: documentClient, tableName: table, nowMs };
    let outcome: IdempotentOutcome;
    try {
      outcome = key === undefined ? { decision: await decide(context, input), replayed: false } : await decideIdempotently(context, input, key);
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw new ApiError(422, 'idempotency_key_reused', error.message);
      throw error;
    }
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
});
