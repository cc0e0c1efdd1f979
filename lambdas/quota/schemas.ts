import * as z from 'zod';
import { pageRequest } from '../shared/query-partition.ts';
import { type Responses, type RouteContract, routeContract } from '../shared/http/contract.ts';

/** One schema per quota request; the messages are countr's `details`. */

export const windowKinds = ['lifetime', 'day', 'month', 'hour', 'minute'] as const;
export type QuotaWindow = (typeof windowKinds)[number];

export const metricKey = z
  .string({ error: 'Metric is required' })
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'Metric must be lowercase snake_case')
  .max(64, 'Metric must be at most 64 characters');

/** Check-consume and usage accept any metric name a caller sends (countr: max 200); configured ones are snake_case. */
const requestedMetric = z.string({ error: 'Metric is required' }).min(1, 'Metric is required').max(200, 'Metric must be at most 200 characters');
const subject = z.string({ error: 'Subject is required' }).min(1, 'Subject is required').max(200, 'Subject must be at most 200 characters');

const limit = z
  .number({ error: 'Limit must be a non-negative integer' })
  .refine((value) => Number.isSafeInteger(value) && value >= 0, 'Limit must be a non-negative integer');
const window = z.enum(windowKinds, { error: `Window must be one of ${windowKinds.join(', ')}` });
/** A hot metric: each subject's window spreads over this many items (lambdas/quota/subject-counter.ts). */
const shards = z.number({ error: 'Shards must be an integer from 1 to 64' }).int('Shards must be an integer from 1 to 64').min(1, 'Shards must be an integer from 1 to 64').max(64, 'Shards must be an integer from 1 to 64');

export const checkConsumeRequest = z.object({
  subject,
  metric: requestedMetric,
  cost: z
    .number({ error: 'Cost must be a positive integer' })
    .refine((value) => Number.isSafeInteger(value) && value > 0, 'Cost must be a positive integer'),
  /** The request header: a retry with the same key gets the stored decision. */
  'Idempotency-Key': z.string().min(1, 'Idempotency-Key must not be empty').max(100, 'Idempotency-Key must be at most 100 characters').optional(),
});
export type CheckConsumeRequest = z.output<typeof checkConsumeRequest>;

export const usageRequest = z.object({ subject, metric: requestedMetric });

/** A metric and its default limit: `limit: null` (or absent) means no default limit. */
export const createMetricRequest = z.object({
  metric: metricKey,
  description: z.string().max(200, 'Description must be at most 200 characters').optional(),
  limit: limit.nullable().default(null),
  window: window.default('lifetime'),
  shards: shards.optional(),
});

export const updateMetricRequest = z.object({
  metric: metricKey,
  description: z.string().max(200, 'Description must be at most 200 characters').optional(),
  limit: limit.nullable().optional(),
  window: window.optional(),
  shards: shards.optional(),
});

export const metricRequest = z.object({ metric: metricKey });
export const listMetricsRequest = z.object(pageRequest);
export const listOverridesRequest = z.object({ metric: metricKey, ...pageRequest });
export const accountRequest = z.object({});

/** An override replaces the metric's default for one subject: a higher or lower limit, or `unlimited`. */
export const putOverrideRequest = z.object({
  metric: metricKey,
  subject,
  limit: z.union([limit, z.literal('unlimited')], { error: "Limit must be a non-negative integer or 'unlimited'" }),
  window: window.optional(),
});

export const overrideRequest = z.object({ metric: metricKey, subject });

const reason = z.enum(['limit_exceeded', 'owner_rate_limit_exceeded_second', 'owner_rate_limit_exceeded', 'owner_monthly_limit_exceeded']);
const decision = z.object({ allowed: z.boolean(), remaining: z.number().int().nullable(), reason: reason.nullable() });
const metric = z.object({
  metric: z.string(),
  description: z.string().optional(),
  limit: z.number().int().nullable(),
  window: z.enum(windowKinds),
  shards: z.number().int().optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
const override = z.object({
  metric: z.string(),
  subject: z.string(),
  limit: z.union([z.number().int(), z.literal('unlimited')]),
  window: z.enum(windowKinds).optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
const nextCursor = z.string().nullable();
const health = z.object({ status: z.enum(['ok', 'error']) });

const quotaRoute = <Request extends z.ZodType, R extends Responses, const A extends 'use' | 'admin'>(
  routeKey: string,
  auth: A,
  summary: string,
  request: Request,
  responses: R,
  errors?: RouteContract['errors'],
) => routeContract({ routeKeys: [routeKey], summary, family: 'v1', auth, request, responses, ...(errors && { errors }) });

const noMetric = { 404: 'No such metric' };
const noOverride = { 404: 'No such override' };

/** countr's API: decisions behind a use key, configuration and the account view behind an admin key. */
export const contracts = {
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
    ...quotaRoute('GET /v1/usage', 'use', "A subject's usage of a metric in the current window", usageRequest, {
      200: z.object({
        subject: z.string(),
        metric: z.string(),
        current: z.number().int(),
        limit: z.number().int().nullable(),
        remaining: z.number().int().nullable(),
        window: z.enum(['none', 'day', 'month', 'hour', 'minute']),
      }),
    }),
    examples: {
      request: { subject: 'user_123', metric: 'ai_tokens' },
      responses: { 200: { subject: 'user_123', metric: 'ai_tokens', current: 1452, limit: 10000, remaining: 8548, window: 'month' } },
    },
    countsTowardPlan: 'itself' as const,
  },
  // Not counted: an owner over its caps must still see why.
  account: {
    ...quotaRoute('GET /v1/account', 'admin', "The owner's plan, this month's requests against it, and recent decisions", accountRequest, {
      200: z.object({
        ownerId: z.string(),
        plan: z
          .object({ name: z.string(), monthlyRequests: z.number().int().nullable(), requestsPerMinute: z.number().int().nullable(), requestsPerSecond: z.number().int().nullable() })
          .loose(),
        /** null: the plan does not cap the month, so its requests are not counted. */
        month: z.object({ start: z.string(), requests: z.number().int().nullable(), cap: z.number().int().nullable(), remaining: z.number().int().nullable() }),
        recentDecisions: z.array(decision.extend({ subject: z.string(), metric: z.string(), cost: z.number().int(), at: z.number().int() })),
        recentDecisionsDropped: z.number().int(),
      }),
    }),
    countsTowardPlan: false as const,
  },
  createMetric: {
    ...quotaRoute('POST /v1/metrics', 'admin', 'Defines a metric and its default limit per subject', createMetricRequest, { 201: metric }, {
      409: 'The metric exists already',
    }),
    examples: { request: { metric: 'api_calls', limit: 1000, window: 'day' } },
    // Configuration writes replace or remove what they address, with no exact inverse: counted in the write's own transaction.
    countsTowardPlan: 'transacted' as const,
  },
  listMetrics: quotaRoute('GET /v1/metrics', 'admin', "The owner's metrics, a page at a time", listMetricsRequest, {
    200: z.object({ metrics: z.array(metric), nextCursor }),
  }),
  getMetric: quotaRoute('GET /v1/metrics/{metric}', 'admin', 'One metric', metricRequest, { 200: metric }, noMetric),
  updateMetric: {
    ...quotaRoute('PATCH /v1/metrics/{metric}', 'admin', "Changes a metric's limit, window or description", updateMetricRequest, { 200: metric }, noMetric),
    countsTowardPlan: 'transacted' as const,
  },
  deleteMetric: {
    ...quotaRoute('DELETE /v1/metrics/{metric}', 'admin', 'Deletes a metric and its overrides', metricRequest, { 200: z.object({ metric: z.string(), deleted: z.boolean() }) }, noMetric),
    countsTowardPlan: 'transacted' as const,
  },
  putOverride: {
    ...quotaRoute('PUT /v1/metrics/{metric}/overrides/{subject}', 'admin', "Sets one subject's limit on a metric", putOverrideRequest, { 200: override }, {
      404: 'No such metric: create it first',
    }),
    countsTowardPlan: 'transacted' as const,
  },
  listOverrides: quotaRoute('GET /v1/metrics/{metric}/overrides', 'admin', "A metric's overrides, a page at a time", listOverridesRequest, {
    200: z.object({ overrides: z.array(override), nextCursor }),
  }),
  getOverride: quotaRoute('GET /v1/metrics/{metric}/overrides/{subject}', 'admin', "One subject's override", overrideRequest, { 200: override }, noOverride),
  deleteOverride: {
    ...quotaRoute(
      'DELETE /v1/metrics/{metric}/overrides/{subject}',
      'admin',
      "Removes one subject's override",
      overrideRequest,
      { 200: z.object({ metric: z.string(), subject: z.string(), deleted: z.boolean() }) },
      noOverride,
    ),
    countsTowardPlan: 'transacted' as const,
  },
  health: routeContract({
    routeKeys: ['GET /v1/health'],
    summary: 'The API and its DynamoDB table answer',
    family: 'v1',
    auth: 'none',
    request: z.object({}),
    responses: { 200: health, 500: health },
  }),
  appHealth: routeContract({
    routeKeys: ['GET /health'],
    summary: 'The API answers at all',
    family: 'v1',
    auth: 'none',
    request: z.object({}),
    responses: { 200: health },
  }),
};
