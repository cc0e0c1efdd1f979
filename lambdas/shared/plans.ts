import * as z from 'zod/mini';

/**
 * Account plans: what an owner may consume across all of its subjects and metrics. The deploy
 * configuration (`incr:plans`) validates the table with this schema; the quota functions read it
 * with the same schema, so the two can never disagree about what a plan is.
 */

const positiveInteger = z.number().check(z.int(), z.positive());

interface Caps {
  monthlyRequests?: number | undefined;
  requestsPerMinute?: number | undefined;
  requestsPerSecond?: number | undefined;
}

/** The most items one account count spreads over: a read of them all (the account view) stays one BatchGetItem. */
export const maxAccountShards = 64;

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
    /** How many items share each of the owner's account counts; derived from the caps when left out (accountShards). */
    shards: z.optional(positiveInteger.check(z.maximum(maxAccountShards))),
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
    z.refine(({ shards, ...plan }) => shards === undefined || shards <= smallestCap(plan), {
      message: 'shards must not exceed the smallest cap set, so that every shard holds at least one request of each cap',
    }),
  );

export type Plan = z.output<typeof planSchema>;

function smallestCap({ requestsPerSecond, requestsPerMinute, monthlyRequests }: Caps): number {
  return requestsPerSecond ?? requestsPerMinute ?? monthlyRequests ?? Infinity;
}

/**
 * Requests per second one shard is meant to take: half of what DynamoDB writes to one item, leaving
 * the rest to counted denials and to the tries of requests that found a shard full.
 */
export const requestsPerAccountShard = 500;

/**
 * How many shards each of an owner's account counts spreads over: the plan's `shards`, else enough
 * that the most requests the caps let through in one second (the smallest cap set bounds them; a
 * plan capping only the month bounds nothing per second and gets the most) put at most
 * `requestsPerAccountShard` on one shard, never more shards than the smallest cap (each shard holds
 * a slice of every cap, and a slice of none admits nothing).
 */
export const accountShards = (plan: Plan): number => {
  if (plan.shards !== undefined) return plan.shards;
  const smallest = smallestCap(plan);
  if (smallest === Infinity) return 1;
  const peak = plan.requestsPerSecond ?? plan.requestsPerMinute ?? Infinity;
  return Math.max(1, Math.min(smallest, maxAccountShards, Math.ceil(peak / requestsPerAccountShard)));
};

/** Shard `index`'s slice of `cap` over `shards` shards: the slices differ by at most one and sum to the cap exactly. */
export const capSlice = (cap: number, shards: number, index: number): number => Math.floor(cap / shards) + (index < cap % shards ? 1 : 0);

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
