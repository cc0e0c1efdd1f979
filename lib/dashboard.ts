import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  type IAlarm,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { businessMetricNames, metricsNamespace, metricsServiceName } from '../lambdas/shared/metric-names.ts';
import { tableOperations, type RouteFunction } from './alarms.ts';

export interface IncrDashboardProps {
  stage: string;
  api: HttpApi;
  table: ITableV2;
  routeFunctions: readonly RouteFunction[];
  alarms: readonly IAlarm[];
}

const oneMinute = Duration.minutes(1);
const graph = (title: string, left: IMetric[], width = 8) => new GraphWidget({ title, left, width, height: 6 });

/**
 * The stage's CloudWatch dashboard, top to bottom: alarms, the API as clients see it, business
 * metrics, DynamoDB, then one row per route-table function. The rows are generated from the route
 * table, so a new route appears here without touching this file.
 */
export class IncrDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, { stage, api, table, routeFunctions, alarms }: IncrDashboardProps) {
    super(scope, id);
    const business = (metricName: string, label: string) =>
      new Metric({
        namespace: metricsNamespace,
        metricName,
        dimensionsMap: { service: metricsServiceName, stage },
        statistic: 'Sum',
        period: oneMinute,
        label,
      });

    const rows: IWidget[][] = [
      [
        new TextWidget({
          markdown:
            `# Incr ${stage}\n` +
            'Alarms first, then the API as clients see it, business metrics (EMF from the functions), DynamoDB, ' +
            'and one row per function of the route table. Every function logs a JSON line for each 5xx and slow request ' +
            'and for a sample of the rest: query its log group with CloudWatch Logs Insights (docs/operations.md, "Logs"; docs/cost.md has the settings).',
          width: 24,
          height: 2,
        }),
      ],
      [new AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 24, height: 3 })],
      [
        graph('API requests', [api.metricCount({ statistic: 'Sum', period: oneMinute, label: 'Requests' })]),
        graph('API errors', [
          api.metricClientError({ statistic: 'Sum', period: oneMinute, label: '4xx' }),
          api.metricServerError({ statistic: 'Sum', period: oneMinute, label: '5xx' }),
        ]),
        graph('API latency (ms)', [
          api.metricLatency({ statistic: 'p50', period: oneMinute, label: 'p50' }),
          api.metricLatency({ statistic: 'p99', period: oneMinute, label: 'p99' }),
          api.metricIntegrationLatency({ statistic: 'p50', period: oneMinute, label: 'integration p50' }),
          api.metricIntegrationLatency({ statistic: 'p99', period: oneMinute, label: 'integration p99' }),
        ]),
      ],
      [
        graph('Hits, creations, updates', [
          business(businessMetricNames.hits, 'Hits'),
          business(businessMetricNames.keysCreated, 'Keys created'),
          business(businessMetricNames.updates, 'Updates'),
          business(businessMetricNames.apiKeysCreated, 'API keys created'),
        ]),
        graph('Rate-limited requests and idempotent replays', [
          business(businessMetricNames.rateLimited, 'Rate-limited (429)'),
          business(businessMetricNames.idempotentReplays, 'Idempotent replays'),
        ]),
        graph('Quota decisions by outcome and reason', [
          new MathExpression({
            expression:
              `SEARCH('{${metricsNamespace},outcome,reason,service,stage} MetricName="${businessMetricNames.quotaDecisions}" ` +
              `service="${metricsServiceName}" stage="${stage}"', 'Sum', 60)`,
            usingMetrics: {},
            label: '',
            period: oneMinute,
          }),
        ]),
      ],
      [
        graph('DynamoDB consumed capacity units', [
          table.metricConsumedReadCapacityUnits({ statistic: 'Sum', period: oneMinute, label: 'Read units' }),
          table.metricConsumedWriteCapacityUnits({ statistic: 'Sum', period: oneMinute, label: 'Write units' }),
        ], 6),
        graph('DynamoDB throttled requests', [
          table.metricThrottledRequestsForOperations({ operations: tableOperations, period: oneMinute, label: 'Throttled requests' }),
        ], 6),
        graph('DynamoDB system errors', [
          table.metricSystemErrorsForOperations({ operations: tableOperations, period: oneMinute, label: 'System errors' }),
        ], 6),
        // Expected, not alarmed: bounded counters refuse out-of-bounds updates, creations of existing keys and
        // spent rate-limit windows with a failed condition.
        graph('DynamoDB conditional check failures (expected)', [
          table.metricConditionalCheckFailedRequests({ statistic: 'Sum', period: oneMinute, label: 'Conditional check failures' }),
        ], 6),
      ],
      [new TextWidget({ markdown: '## Functions: one row per route of `lib/routes.ts`', width: 24, height: 1 })],
      ...routeFunctions.map(({ route, function: handler }) => [
        graph(`${route.id}: invocations, errors, throttles`, [
          handler.metricInvocations({ statistic: 'Sum', period: oneMinute, label: 'Invocations' }),
          handler.metricErrors({ statistic: 'Sum', period: oneMinute, label: 'Errors' }),
          handler.metricThrottles({ statistic: 'Sum', period: oneMinute, label: 'Throttles' }),
        ]),
        graph(`${route.id}: duration (ms)`, [
          handler.metricDuration({ statistic: 'p50', period: oneMinute, label: 'p50' }),
          handler.metricDuration({ statistic: 'p99', period: oneMinute, label: 'p99' }),
        ]),
        graph(`${route.id}: concurrent executions`, [
          handler.metric('ConcurrentExecutions', { statistic: 'Maximum', period: oneMinute, label: 'Concurrent executions' }),
        ]),
      ]),
    ];

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `incr-${stage}`, defaultInterval: Duration.hours(3), widgets: rows });
  }
}
