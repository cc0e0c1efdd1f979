import * as z from 'zod/mini';
import { pageRequest } from '../shared/page-request.ts';
import { type KeyAuth, type Responses, type RouteContract, routeContract } from '../shared/http/contract.ts';

/** One schema per quota request; the messages are countr's `details`. */

export const windowKinds = ['lifetime', 'day', 'month', 'hour', 'minute'] as const;
export type QuotaWindow = (typeof windowKinds)[number];

export const metricKey = z
  .string({ error: 'Metric is required' })
  .check(z.regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'Metric must be lowercase snake_case'), z.maxLength(64, 'Metric must be at most 64 characters'));

/** Check-consume and usage accept any metric name a caller sends (countr: max 200); configured ones are snake_case. */
const requestedMetric = z.string({ error: 'Metric is required' }).check(z.minLength(1, 'Metric is required'), z.maxLength(200, 'Metric must be at most 200 characters'));
const subject = z.string({ error: 'Subject is required' }).check(z.minLength(1, 'Subject is required'), z.maxLength(200, 'Subject must be at most 200 characters'));

const limit = z
  .number({ error: 'Limit must be a non-negative integer' })
  .check(z.refine((value) => Number.isSafeInteger(value) && value >= 0, 'Limit must be a non-negative integer'));
const window = z.enum(windowKinds, { error: `Window must be one of ${windowKinds.join(', ')}` });
/** A hot metric: each subject's window spreads over this many items (lambdas/quota/subject-counter.ts). */
const shardsMessage = 'Shards must be an integer from 1 to 64';
const shards = z.number({ error: shardsMessage }).check(z.int(shardsMessage), z.minimum(1, shardsMessage), z.maximum(64, shardsMessage));

export const checkConsumeRequest = z.object({
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
export type CheckConsumeRequest = z.output<typeof checkConsumeRequest>;

export const usageRequest = z.object({ subject, metric: requestedMetric });

/** A metric and its default limit: `limit: null` (or absent) means no default limit. */
export const createMetricRequest = z.object({
  metric: metricKey,
  description: z.optional(z.string().check(z.maxLength(200, 'Description must be at most 200 characters'))),
  limit: z._default(z.nullable(limit), null),
  window: z._default(window, 'lifetime'),
  shards: z.optional(shards),
});

export const updateMetricRequest = z.object({
  metric: metricKey,
  description: z.optional(z.string().check(z.maxLength(200, 'Description must be at most 200 characters'))),
  limit: z.optional(z.nullable(limit)),
  window: z.optional(window),
  shards: z.optional(shards),
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
  window: z.optional(window),
});

export const overrideRequest = z.object({ metric: metricKey, subject });

const reason = z.enum(['limit_exceeded', 'owner_rate_limit_exceeded_second', 'owner_rate_limit_exceeded', 'owner_monthly_limit_exceeded']);
const decision = z.object({ allowed: z.boolean(), remaining: z.nullable(z.number().check(z.int())), reason: z.nullable(reason) });
const metric = z.object({
  metric: z.string(),
  description: z.optional(z.string()),
  limit: z.nullable(z.number().check(z.int())),
  window: z.enum(windowKinds),
  shards: z.optional(z.number().check(z.int())),
  createdAt: z.number().check(z.int()),
  updatedAt: z.number().check(z.int()),
});
const override = z.object({
  metric: z.string(),
  subject: z.string(),
  limit: z.union([z.number().check(z.int()), z.literal('unlimited')]),
  window: z.optional(z.enum(windowKinds)),
  createdAt: z.number().check(z.int()),
  updatedAt: z.number().check(z.int()),
});
const nextCursor = z.nullable(z.string());
const health = z.object({ status: z.enum(['ok', 'error']) });

const quotaRoute = <Request extends z.ZodMiniType, R extends Responses, const A extends KeyAuth>(
  routeKey: string,
  auth: A,
  summary: string,
  request: Request,
  responses: R,
  errors?: RouteContract['errors'],
) => routeContract({ routeKeys: [routeKey], summary, family: 'v1', auth, request, responses, ...(errors && { errors }) });

const noMetric = { 404: 'No such metric' };
const noOverride = { 404: 'No such override' };

/** countr's API: decisions behind a use key, usage behind either key, configuration and the account view behind an admin key. */
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
  // Not counted: an owner over its caps must still see why.
  account: {
    ...quotaRoute('GET /v1/account', 'admin', "The owner's plan, this month's requests against it, and recent decisions", accountRequest, {
      200: z.object({
        ownerId: z.string(),
        plan: z.looseObject({
          name: z.string(),
          monthlyRequests: z.nullable(z.number().check(z.int())),
          requestsPerMinute: z.nullable(z.number().check(z.int())),
          requestsPerSecond: z.nullable(z.number().check(z.int())),
        }),
        /** null: the plan does not cap the month, so its requests are not counted. */
        month: z.object({
          start: z.string(),
          requests: z.nullable(z.number().check(z.int())),
          cap: z.nullable(z.number().check(z.int())),
          remaining: z.nullable(z.number().check(z.int())),
        }),
        recentDecisions: z.array(z.extend(decision, { subject: z.string(), metric: z.string(), cost: z.number().check(z.int()), at: z.number().check(z.int()) })),
        recentDecisionsDropped: z.number().check(z.int()),
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
