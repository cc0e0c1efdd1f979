import { defaultPlans, type Plans } from '../../lambdas/shared/plans.ts';

/**
 * The plans of every test file (test/setup.ts hands them to the functions as the stack does, in
 * INCR_PLANS, before any module loads): `unlimited`, the test owners' default, caps nothing, so a
 * test of a route is never refused by its owner's plan; `bulk` never gets in the way of a
 * subject-limit test; `tiny` makes every account cap reachable in a few requests; `sharded` spreads
 * reachable caps over 8 shards; `one-item`, `four-items` and `eight-items` cap only the minute, far
 * above any test's traffic, on one item or spread over 4 or 8 (the per-item throttling tests).
 */
export const testPlans: Plans = {
  ...defaultPlans,
  unlimited: { apiKeys: 'unlimited', overages: false },
  bulk: { monthlyRequests: 100_000_000, requestsPerMinute: 10_000_000, requestsPerSecond: 10_000_000, apiKeys: 'unlimited', overages: false },
  tiny: { monthlyRequests: 10, requestsPerMinute: 5, requestsPerSecond: 2, apiKeys: 1, overages: false },
  'tiny-overages': { monthlyRequests: 3, requestsPerMinute: 3, requestsPerSecond: 3, apiKeys: 1, overages: true },
  sharded: { monthlyRequests: 1_000, requestsPerMinute: 50, requestsPerSecond: 50, apiKeys: 'unlimited', overages: false, shards: 8 },
  'one-item': { requestsPerMinute: 1_000_000, apiKeys: 'unlimited', overages: false, shards: 1 },
  'four-items': { requestsPerMinute: 1_000_000, apiKeys: 'unlimited', overages: false, shards: 4 },
  'eight-items': { requestsPerMinute: 1_000_000, apiKeys: 'unlimited', overages: false, shards: 8 },
};
