import * as z from 'zod/mini';
import { type KeyAuth, type Responses, type RouteContract, routeContract } from '../shared/http/contract.ts';

/**
 * The decision API's schemas and contracts (check-consume, usage), apart from the configuration's
 * (lambdas/quota/schemas.ts): the two hottest functions bundle only these.
 */

export const windowKinds = ['lifetime', 'day', 'month', 'hour', 'minute'] as const;
export type QuotaWindow = (typeof windowKinds)[number];

export const metricKey = z
  .string({ error: 'Metric is required' })
  .check(z.regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'Metric must be lowercase snake_case'), z.maxLength(64, 'Metric must be at most 64 characters'));

/** Check-consume and usage accept any metric name a caller sends (countr: max 200); configured ones are snake_case. */
const requestedMetric = z.string({ error: 'Metric is required' }).check(z.minLength(1, 'Metric is required'), z.maxLength(200, 'Metric must be at most 200 characters'));
export const subject = z.string({ error: 'Subject is required' }).check(z.minLength(1, 'Subject is required'), z.maxLength(200, 'Subject must be at most 200 characters'));

const checkConsumeRequest = z.object({
  subject,
  metric: requestedMetric,
  cost: z
    .number({ error: 'Cost must be a positive integer' })
    .check(z.refine((value) => Number.isSafeInteger(value) && value > 0, 'Cost must be a positive integer')),
  /** The request header: a retry with the same key gets the stored decision. */
  'Idempotency-Key': z.optional(
    z.string().check(z.minLength(1, 'Idempotency-Key must not be empty'), z.maxLength(100, 'Idempotency-Key must be at most 100 characters')),
  ),
});

const usageRequest = z.object({ subject, metric: requestedMetric });

const reason = z.enum(['limit_exceeded', 'owner_rate_limit_exceeded_second', 'owner_rate_limit_exceeded', 'owner_monthly_limit_exceeded']);
export const decision = z.object({ allowed: z.boolean(), remaining: z.nullable(z.number().check(z.int())), reason: z.nullable(reason) });

export const quotaRoute = <Request extends z.ZodMiniType, R extends Responses, const A extends KeyAuth>(
  routeKey: string,
  auth: A,
  summary: string,
  request: Request,
  responses: R,
  errors?: RouteContract['errors'],
) => routeContract({ routeKeys: [routeKey], summary, family: 'v1', auth, request, responses, ...(errors && { errors }) });

export const decisionContracts = {
  checkConsume: {
    ...quotaRoute('POST /v1/check-consume', 'use', 'Decides whether `subject` may consume `cost` of `metric`, and records it', checkConsumeRequest, { 200: decision }),
    headers: ['Idempotency-Key'],
    examples: {
      request: { subject: 'user_123', metric: 'ai_tokens', cost: 1452, 'Idempotency-Key': 'req_01J9ABCDEF' },
      responses: { 200: { allowed: true, remaining: 8548, reason: null } },
    },
    errors: { 422: 'The Idempotency-Key was used before with another body' },
    // The account's answer is part of the decision (and replays are not counted).
    countsTowardPlan: 'itself' as const,
  },
  usage: {
    ...quotaRoute('GET /v1/usage', 'any', "A subject's usage of a metric in the current window", usageRequest, {
      200: z.object({
        subject: z.string(),
        metric: z.string(),
        current: z.number().check(z.int()),
        limit: z.nullable(z.number().check(z.int())),
        remaining: z.nullable(z.number().check(z.int())),
        window: z.enum(['none', 'day', 'month', 'hour', 'minute']),
      }),
    }),
    examples: {
      request: { subject: 'user_123', metric: 'ai_tokens' },
      responses: { 200: { subject: 'user_123', metric: 'ai_tokens', current: 1452, limit: 10000, remaining: 8548, window: 'month' } },
    },
    countsTowardPlan: 'itself' as const,
  },
};
