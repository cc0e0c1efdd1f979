import * as z from 'zod/mini';

/**
 * Account plans: what an owner may consume across all of its subjects and metrics. The deploy
 * configuration (`incr:plans`) validates the table with this schema; the quota functions read it
 * with the same schema, so the two can never disagree about what a plan is.
 */

const positiveInteger = z.number().check(z.int(), z.positive());

export const planSchema = z
  .strictObject({
    /** Requests per calendar month (UTC). Each cap may be left out: a plan without any caps costs its owners no account writes. */
    monthlyRequests: z.optional(positiveInteger),
    requestsPerMinute: z.optional(positiveInteger),
    requestsPerSecond: z.optional(positiveInteger),
    /** How many API keys an owner on this plan may hold at once. */
    apiKeys: z.union([positiveInteger, z.literal('unlimited')]),
    /** Past `monthlyRequests`, requests are still served (and billed as overage) instead of denied. */
    overages: z._default(z.boolean(), false),
  })
  .check(
    z.refine(
      ({ requestsPerSecond, requestsPerMinute, monthlyRequests }) => {
        // A cap that is left out neither bounds nor is bounded by the others.
        const caps = [requestsPerSecond, requestsPerMinute, monthlyRequests].filter((cap) => cap !== undefined);
        return caps.every((cap, index) => index === 0 || caps[index - 1]! <= cap);
      },
      { message: 'limits must grow with the window: requestsPerSecond <= requestsPerMinute <= monthlyRequests (among those set)' },
    ),
  );

export type Plan = z.output<typeof planSchema>;

/** The plan caps something, so its owners' requests are counted. */
export const hasCaps = (plan: Plan) => plan.monthlyRequests !== undefined || plan.requestsPerMinute !== undefined || plan.requestsPerSecond !== undefined;

export const plansSchema = z
  .record(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'plan names are 1-32 lowercase letters, digits or hyphens')), planSchema)
  .check(z.refine((plans) => Object.keys(plans).length > 0, { message: 'at least one plan is needed' }));

export type Plans = z.output<typeof plansSchema>;

/** countr's published plans, the default until an operator configures their own. */
export const defaultPlans: Plans = {
  free: { monthlyRequests: 2_000, requestsPerMinute: 30, requestsPerSecond: 5, apiKeys: 1, overages: false },
  starter: { monthlyRequests: 100_000, requestsPerMinute: 120, requestsPerSecond: 20, apiKeys: 1, overages: false },
  growth: { monthlyRequests: 500_000, requestsPerMinute: 300, requestsPerSecond: 50, apiKeys: 3, overages: false },
  scale: { monthlyRequests: 1_000_000, requestsPerMinute: 1_000, requestsPerSecond: 100, apiKeys: 'unlimited', overages: true },
};
