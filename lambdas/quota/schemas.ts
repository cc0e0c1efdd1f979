import * as z from 'zod';
import { pageRequest } from '../shared/query-partition.ts';

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
});

export const updateMetricRequest = z.object({
  metric: metricKey,
  description: z.string().max(200, 'Description must be at most 200 characters').optional(),
  limit: limit.nullable().optional(),
  window: window.optional(),
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
