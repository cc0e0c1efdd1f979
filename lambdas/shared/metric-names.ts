/**
 * The business metrics' names and dimensions, in one place for the functions that emit them
 * (lambdas/shared/metrics.ts) and the dashboard that graphs them (lib/observability.ts).
 *
 * Every metric carries the dimensions `service` and `stage`; quota decisions also carry `outcome`
 * and `reason`. Each distinct combination is one CloudWatch custom metric ($0.30 a month), which
 * is why the dimensions take values from small fixed sets only: never a name, key or owner.
 */
export const metricsNamespace = 'Incr';
/** How often a container prints what it counted (lambdas/shared/metrics.ts); the cost benchmark shares its lines among the interval's requests. */
export const metricsFlushIntervalMs = 10_000;
export const metricsServiceName = 'incr';

export const businessMetricNames = {
  /** A counter counted one hit (CountAPI `hit`, hit tracking). */
  hits: 'Hits',
  /** A counter that did not exist was created (CountAPI's "keys"). */
  keysCreated: 'KeysCreated',
  /** An owner created an API key. */
  apiKeysCreated: 'ApiKeysCreated',
  /** A counter's value was changed other than by a hit (`update`, `set`). */
  updates: 'Updates',
  /** A request was refused by one of Incr's own rate limits (429). */
  rateLimited: 'RateLimited',
  /** A repeated Idempotency-Key was answered from the stored result, without doing the work again. */
  idempotentReplays: 'IdempotentReplays',
  /** A quota check, by `outcome` and `reason`. */
  quotaDecisions: 'QuotaDecisions',
} as const;

export const quotaOutcomes = ['allowed', 'denied'] as const;
/** countr's reasons, plus `within_limits` for an allowed request. */
export const quotaReasons = [
  'within_limits',
  'limit_exceeded',
  'owner_monthly_limit_exceeded',
  'owner_rate_limit_exceeded',
  'owner_rate_limit_exceeded_second',
] as const;

export type QuotaOutcome = (typeof quotaOutcomes)[number];
export type QuotaReason = (typeof quotaReasons)[number];
