import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { readActions, writeActions, type Route } from './routes.ts';

/**
 * The alarms worth waking someone for, all sending to one SNS topic (when they fire and when they
 * recover). Thresholds live here, named, so docs/operations.md and the tests quote the same numbers.
 */
export const alarmThresholds = {
  /** Percentage of the API's answers that are 5xx, over 5 minutes with at least `minimumRequests`. */
  api5xxRatePercent: 1,
  /** Below this many requests in 5 minutes, a 5xx rate is noise (one failure of three is not 33 % down). */
  minimumRequests: 20,
  /** API Gateway's p99 latency, over 3 consecutive 5-minute periods; cold starts alone stay below it. */
  apiLatencyP99Ms: 1_000,
  /** Function errors (crashes, timeouts; handlers answer every expected failure themselves) in 5 minutes. */
  functionErrors: 1,
  /** DynamoDB requests refused for throughput (a hot item past ~1,000 writes/s, a sudden surge) in 5 minutes. */
  tableThrottledRequests: 1,
  /** DynamoDB requests that failed with a 500 (DynamoDB's own fault) in 5 minutes. */
  tableSystemErrors: 1,
} as const;

const operationNames = new Set<string>(Object.values(Operation));

/**
 * Every DynamoDB operation a function may perform, as DynamoDB names them in its metrics: the
 * route table's actions that are operations of their own (`ConditionCheckItem` only exists inside
 * a transaction), and transactions, which IAM authorizes through those same actions. Nine metrics:
 * CloudWatch allows ten per alarm.
 */
export const tableOperations: Operation[] = [
  ...[...readActions, ...writeActions].filter((action) => operationNames.has(action)).map((action) => action as Operation),
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

const fiveMinutes = Duration.minutes(5);

export interface RouteFunction {
  route: Route;
  function: IFunction;
}

export interface IncrAlarmsProps {
  stage: string;
  api: HttpApi;
  table: ITableV2;
  routeFunctions: readonly RouteFunction[];
  /** Subscribed to the topic when set. */
  alarmEmail?: string;
}

export class IncrAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, { stage, api, table, routeFunctions, alarmEmail }: IncrAlarmsProps) {
    super(scope, id);
    // Not encrypted at rest: notifications carry alarm names, states and metric values only, and
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key (a customer-managed key
    // would cost about $1 a month per stage to protect nothing sensitive). Publishing needs TLS.
    this.topic = new Topic(this, 'Topic', { topicName: `incr-${stage}-alarms`, displayName: `Incr ${stage} alarms`, enforceSSL: true });
    if (alarmEmail) this.topic.addSubscription(new EmailSubscription(alarmEmail));

    const add = (name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const alarm = new Alarm(this, name, {
        alarmName: `incr-${stage}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not an outage.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new SnsAction(this.topic));
      alarm.addOkAction(new SnsAction(this.topic));
      this.alarms.push(alarm);
    };

    add(
      'api-5xx-rate',
      `More than ${alarmThresholds.api5xxRatePercent}% of the API's answers were 5xx over 5 minutes ` +
        `(checked from ${alarmThresholds.minimumRequests} requests on). Start with the function error alarms and the dashboard.`,
      new MathExpression({
        expression: `IF(requests >= ${alarmThresholds.minimumRequests}, 100 * errors / requests, 0)`,
        usingMetrics: { requests: api.metricCount({ statistic: 'Sum', period: fiveMinutes }), errors: api.metricServerError({ period: fiveMinutes }) },
        label: '5xx rate (%)',
        period: fiveMinutes,
      }),
      alarmThresholds.api5xxRatePercent,
    );
    add(
      'api-p99-latency',
      `The API's p99 latency stayed at or above ${alarmThresholds.apiLatencyP99Ms} ms for 15 minutes.`,
      api.metricLatency({ statistic: 'p99', period: fiveMinutes }),
      alarmThresholds.apiLatencyP99Ms,
      3,
    );
    for (const { route, function: handler } of routeFunctions) {
      add(
        `${route.id}-errors`,
        `The ${route.id} function failed (crash or timeout) for ${route.routeKeys.join(', ')}. Its log group has the error.`,
        handler.metricErrors({ statistic: 'Sum', period: fiveMinutes }),
        alarmThresholds.functionErrors,
      );
    }
    add(
      'table-throttled-requests',
      'DynamoDB refused requests for throughput: a hot item (about 1,000 writes/s per item) or a surge beyond the table limits.',
      table.metricThrottledRequestsForOperations({ operations: tableOperations, period: fiveMinutes }),
      alarmThresholds.tableThrottledRequests,
    );
    add(
      'table-system-errors',
      'DynamoDB answered requests with internal server errors (its own fault); clients received 503s if retries ran out.',
      table.metricSystemErrorsForOperations({ operations: tableOperations, period: fiveMinutes }),
      alarmThresholds.tableSystemErrors,
    );
  }
}
