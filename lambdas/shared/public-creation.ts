import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { cancellationReasons } from './dynamodb/cancellation.ts';
import { transactWrite } from './dynamodb/transactions.ts';
import { RequestError } from './http/request-error.ts';
import { businessMetrics } from './metrics.ts';
import { hashIp, ipHashSecret } from './ip-hash.ts';
import { publicCreationPartition } from './keys.ts';
import { consumeUpdate, secondsUntilEnd, type Window, windowAt } from './windowed-counter.ts';

/**
 * Anonymous clients may create public counters (CountAPI `create` and `hit`, hit counters), and
 * every creation is an item that stays for months: so each source IP may create at most
 * `creationsPerSecond` per second, across all of those routes (CountAPI's documented limit for
 * `create`). The creation and the consumption from the creator's window are one transaction: a
 * refused creation consumes nothing and creates nothing. Counting on an existing counter never
 * reaches this code, so the limit costs nothing on the hot path.
 */
export const creationsPerSecond = 20;

/** Public counters live six months after their last counted write (CountAPI's rule; we take 183 days), then read as never hit. */
export const publicCounterLifetimeSeconds = 183 * 86_400;
export const creationLimitMessage = `Too many counters created: at most ${creationsPerSecond} per second per IP address`;

export interface Creator {
  /** Partition key of the creator's window counter. */
  counterKey: string;
  window: Window;
}

/** The source IP as API Gateway saw the connection (X-Forwarded-For is whatever the client wrote), as a keyed hash. */
export const creatorOf = async (event: APIGatewayProxyEventV2, nowMs: number): Promise<Creator> => ({
  counterKey: publicCreationPartition(hashIp(event.requestContext.http.sourceIp, await ipHashSecret())),
  window: windowAt('second', nowMs),
});

/** The creator has used up this second's creations; each family answers 429 with Retry-After in its own shape. */
export class CreationRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(creationLimitMessage);
    this.name = 'CreationRateLimitedError';
  }
}

/** A refused creation's answer, the same in every family that creates public counters (a domain-error table entry). */
export const creationLimitAnswer = [
  CreationRateLimitedError,
  (error: CreationRateLimitedError) => {
    businessMetrics.rateLimited();
    return new RequestError(429, 'rate_limited', error.message, undefined, { 'Retry-After': String(error.retryAfterSeconds) });
  },
] as const;

type Put = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Put']>;

/**
 * Writes `put` (whose condition says "nothing live is there") and consumes one creation of
 * `creator` in one transaction. Two creations from one client at the same instant touch the same
 * window item, and DynamoDB cancels one of them (TransactionConflict): transactWrite repeats those.
 * A creator over the limit gets CreationRateLimitedError.
 */
export const createWithinLimit = async (client: DynamoDBDocumentClient, put: Put, creator: Creator, nowMs: number): Promise<'created' | 'exists'> => {
  try {
    await transactWrite(client, {
      TransactItems: [{ Update: consumeUpdate({ tableName: put.TableName!, ...creator, cost: 1, limit: creationsPerSecond }) }, { Put: put }],
    });
    return 'created';
  } catch (error) {
    const [limitReason, putReason] = cancellationReasons(error) ?? [];
    if (limitReason?.conditionFailed) throw new CreationRateLimitedError(secondsUntilEnd(creator.window, nowMs));
    if (putReason?.conditionFailed) return 'exists';
    throw error;
  }
};
