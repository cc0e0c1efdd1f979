import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { config } from './config.ts';
import { businessMetricNames, metricsNamespace, metricsServiceName, type QuotaOutcome, type QuotaReason } from './metric-names.ts';

/**
 * Business metrics in CloudWatch Embedded Metric Format: each invocation's metrics are printed as
 * one JSON log line when it ends (lambdas/shared/observability.ts), and CloudWatch extracts them
 * from the log group. Recording a metric is an in-memory addition: never a DynamoDB call, never a
 * CloudWatch API call, nothing on the request's path.
 */
export const metrics = new Metrics({
  namespace: metricsNamespace,
  serviceName: metricsServiceName,
  defaultDimensions: { stage: config.stage },
});

const count = (name: string) => metrics.addMetric(name, MetricUnit.Count, 1);

/** What families call; the names and dimensions live in lambdas/shared/metric-names.ts. */
export const businessMetrics = {
  hit: () => count(businessMetricNames.hits),
  keyCreated: () => count(businessMetricNames.keysCreated),
  apiKeyCreated: () => count(businessMetricNames.apiKeysCreated),
  update: () => count(businessMetricNames.updates),
  rateLimited: () => count(businessMetricNames.rateLimited),
  idempotentReplay: () => count(businessMetricNames.idempotentReplays),
  /** Printed at once: its extra dimensions must not be attached to the invocation's other metrics. */
  quotaDecision: (outcome: QuotaOutcome, reason: QuotaReason) => {
    const decision = metrics.singleMetric();
    decision.addDimensions({ outcome, reason });
    decision.addMetric(businessMetricNames.quotaDecisions, MetricUnit.Count, 1);
  },
};

/** Prints what this invocation recorded, if anything (Powertools warns on an empty flush). */
export const publishMetrics = () => {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
};
