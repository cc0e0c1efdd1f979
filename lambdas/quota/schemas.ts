import * as z from 'zod/mini';
import { pageRequest } from '../shared/page-request.ts';
import { routeContract } from '../shared/http/contract.ts';
import { decision, decisionContracts, metricKey, quotaRoute, subject, windowKinds } from './decision-schemas.ts';

/** One schema per quota request; the messages are countr's `details`. */

const limit = z
  .number({ error: 'Limit must be a non-negative integer' })
  .check(z.refine((value) => Number.isSafeInteger(value) && value >= 0, 'Limit must be a non-negative integer'));
const window = z.enum(windowKinds, { error: `Window must be one of ${windowKinds.join(', ')}` });
/** A hot metric: each subject's window spreads over this many items (lambdas/quota/subject-counter.ts). */
const shardsMessage = 'Shards must be an integer from 1 to 64';
const shards = z.number({ error: shardsMessage }).check(z.int(shardsMessage), z.minimum(1, shardsMessage), z.maximum(64, shardsMessage));


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


const noMetric = { 404: 'No such metric' };
const noOverride = { 404: 'No such override' };

/** countr's API: decisions behind a use key, usage behind either key, configuration and the account view behind an admin key. */
export const contracts = {
  ...decisionContracts,
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
