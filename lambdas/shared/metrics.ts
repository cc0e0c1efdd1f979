import { clock, Interval } from './clock.ts';
import { config } from './config.ts';
import { businessMetricNames, metricsFlushIntervalMs, metricsNamespace, metricsServiceName, type QuotaOutcome, type QuotaReason } from './metric-names.ts';

/**
 * Business metrics in CloudWatch Embedded Metric Format, added up per container: recording a
 * metric is an in-memory addition (never a DynamoDB call, never a CloudWatch API call, nothing on
 * the request's path), and at most once per flush interval the sums are printed as EMF lines, which
 * CloudWatch extracts from the log group: one line for the metrics with the `service` and `stage`
 * dimensions, one per quota outcome and reason. A line per container and interval instead of one per
 * request is what keeps the metrics' log bytes off the per-request bill (docs/cost.md).
 *
 * Every value is a count and CloudWatch adds them up: the dashboard's `Sum` per minute is the same
 * whichever way the requests were grouped into lines (`SampleCount` would count lines, and no graph
 * or alarm uses it). A line is stamped when it is printed, so a count shows at most one interval late.
 *
 * Lambda runs no code between invocations: the sums are printed at the end of the first invocation
 * after the interval is over. A container that goes idle keeps its sums until its next invocation;
 * one that Lambda shuts down before then loses them: at most what it counted in one interval.
 */

type Dimensions = Record<string, string>;

/**
 * One EMF document: CloudWatch reads the `_aws` block, makes each listed value a metric in the
 * namespace with every dimension listed, and keeps the line as a log event as well. Every value is
 * a count (the only unit these metrics have). `timestampMs` is when the values are filed under.
 */
export const emfDocument = (dimensions: Dimensions, values: ReadonlyMap<string, number>, timestampMs: number) => ({
  _aws: {
    Timestamp: timestampMs,
    CloudWatchMetrics: [
      {
        Namespace: metricsNamespace,
        Dimensions: [Object.keys(dimensions)],
        Metrics: [...values.keys()].map((name) => ({ Name: name, Unit: 'Count' })),
      },
    ],
  },
  ...dimensions,
  ...Object.fromEntries(values),
});

/** POWERTOOLS_METRICS_DISABLED as Powertools read it; the local server sets it (bin/local.ts). */
export const metricsDisabledBy = (value: string | undefined) => ['1', 'y', 'yes', 't', 'true', 'on'].includes(value?.trim().toLowerCase() ?? '');

type MetricName = (typeof businessMetricNames)[keyof typeof businessMetricNames];

export class ContainerMetrics {
  private counts = new Map<MetricName, number>();
  private decisions = new Map<`${QuotaOutcome} ${QuotaReason}`, number>();
  /** Public so that tests can flush on every request. */
  readonly flushes = new Interval(metricsFlushIntervalMs);

  constructor(
    private readonly dimensions: Dimensions,
    private readonly disabled: boolean,
    private readonly output: { write(line: string): unknown } = process.stdout,
  ) {}

  count(name: MetricName): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  quotaDecision(outcome: QuotaOutcome, reason: QuotaReason): void {
    const key = `${outcome} ${reason}` as const;
    this.decisions.set(key, (this.decisions.get(key) ?? 0) + 1);
  }

  flushIfDue(nowMs: number): void {
    if (!this.flushes.due(nowMs)) return;
    this.flushes.restart(nowMs);
    this.flush(nowMs);
  }

  /** Prints what was counted since the last flush, if anything: an EMF line without a metric is of no use. */
  flush(nowMs = clock.now()): void {
    const [counts, decisions] = [this.counts, this.decisions];
    this.counts = new Map();
    this.decisions = new Map();
    if (this.disabled) return;
    if (counts.size > 0) this.print(this.dimensions, counts, nowMs);
    // A line of their own: their extra dimensions must not be attached to the other metrics.
    for (const [key, value] of decisions) {
      const [outcome, reason] = key.split(' ') as [QuotaOutcome, QuotaReason];
      this.print({ ...this.dimensions, outcome, reason }, new Map([[businessMetricNames.quotaDecisions, value]]), nowMs);
    }
  }

  private print(dimensions: Dimensions, values: ReadonlyMap<string, number>, nowMs: number): void {
    this.output.write(`${JSON.stringify(emfDocument(dimensions, values, nowMs))}\n`);
  }
}

// Read once, when the container starts, as Powertools did.
export const containerMetrics = new ContainerMetrics(
  { service: metricsServiceName, stage: config.stage },
  metricsDisabledBy(process.env.POWERTOOLS_METRICS_DISABLED),
);

/** What families call; the names and dimensions live in lambdas/shared/metric-names.ts. */
export const businessMetrics = {
  hit: () => containerMetrics.count(businessMetricNames.hits),
  keyCreated: () => containerMetrics.count(businessMetricNames.keysCreated),
  apiKeyCreated: () => containerMetrics.count(businessMetricNames.apiKeysCreated),
  update: () => containerMetrics.count(businessMetricNames.updates),
  rateLimited: () => containerMetrics.count(businessMetricNames.rateLimited),
  idempotentReplay: () => containerMetrics.count(businessMetricNames.idempotentReplays),
  quotaDecision: (outcome: QuotaOutcome, reason: QuotaReason) => containerMetrics.quotaDecision(outcome, reason),
};
