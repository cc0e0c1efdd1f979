import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessMetricNames } from '../../lambdas/shared/metric-names.ts';
import { alarmThresholds } from '../../lib/alarms.ts';
import { routes } from '../../lib/routes.ts';
import { functionOf, onlyLogicalId, type Resource, synthesize } from './synth.ts';

/** A Fn::Join of text and references, as one string with each reference written `{{LogicalId}}`. */
const joined = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(joined).join(join[0]);
  const ref = (value as { Ref?: string }).Ref ?? (value as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt']?.[0];
  return `{{${ref}}}`;
};

type Widget = { type: string; properties: { title?: string; markdown?: string; metrics?: unknown[][]; alarms?: string[] } };
const dashboardWidgets = (template: Template): Widget[] => {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
  return (JSON.parse(joined(dashboard!.Properties.DashboardBody)) as { widgets: Widget[] }).widgets;
};

describe('IncrStack (default configuration)', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesize();
  });

  it('has a dashboard with the API, the business metrics, DynamoDB and a row for every function of the route table', () => {
    const widgets = dashboardWidgets(template);
    const titles = widgets.map((widget) => widget.properties.title);
    expect(titles).toEqual(expect.arrayContaining(['API requests', 'API errors', 'API latency (ms)', 'Alarms']));
    const metricsOf = (title: string) => JSON.stringify(widgets.find((widget) => widget.properties.title === title)?.properties.metrics);
    expect(metricsOf('API errors')).toMatch(/4xx.*5xx/);
    expect(metricsOf('API latency (ms)')).toMatch(/"p50".*"p99"/);

    const everything = JSON.stringify(widgets);
    for (const metricName of Object.values(businessMetricNames)) expect(everything).toContain(metricName);
    for (const metricName of ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'ThrottledRequests', 'SystemErrors', 'ConditionalCheckFailedRequests']) {
      expect(everything).toContain(metricName);
    }

    const functionIds = Object.keys(template.findResources('AWS::Lambda::Function'));
    for (const route of routes) {
      const functionId = functionIds.find((id) => template.findResources('AWS::Lambda::Function')[id] === functionOf(template, route))!;
      const rowMetrics = widgets
        .filter((widget) => widget.properties.title?.startsWith(`${route.id}: `))
        .flatMap((widget) => widget.properties.metrics ?? [])
        .filter((metric) => metric.includes(`{{${functionId}}}`))
        .map((metric) => `${metric[1]} ${(metric.at(-1) as { stat: string }).stat}`);
      expect(rowMetrics.sort()).toEqual(
        ['ConcurrentExecutions Maximum', 'Duration p50', 'Duration p99', 'Errors Sum', 'Invocations Sum', 'Throttles Sum'].sort(),
      );
    }
  });

  it('alarms on 5xx rate, p99 latency, every function\'s errors and DynamoDB throttles and system errors, notifying the topic', () => {
    const topicId = onlyLogicalId(template, 'AWS::SNS::Topic');
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const byName = new Map(alarms.map((alarm) => [alarm.Properties.AlarmName as string, alarm.Properties]));
    expect([...byName.keys()].sort()).toEqual(
      [
        'incr-prod-api-5xx-rate',
        'incr-prod-api-p99-latency',
        'incr-prod-table-throttled-requests',
        'incr-prod-table-system-errors',
        ...routes.map((route) => `incr-prod-${route.id}-errors`),
      ].sort(),
    );
    for (const alarm of byName.values()) {
      expect(alarm).toMatchObject({ AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }], TreatMissingData: 'notBreaching' });
    }

    expect(byName.get('incr-prod-api-5xx-rate')).toMatchObject({
      Threshold: alarmThresholds.api5xxRatePercent,
      Metrics: expect.arrayContaining([
        expect.objectContaining({ Expression: `IF(requests >= ${alarmThresholds.minimumRequests}, 100 * errors / requests, 0)` }),
        expect.objectContaining({ Id: 'errors', MetricStat: expect.objectContaining({ Metric: expect.objectContaining({ MetricName: '5xx' }) }) }),
      ]),
    });
    expect(byName.get('incr-prod-api-p99-latency')).toMatchObject({
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: alarmThresholds.apiLatencyP99Ms,
      EvaluationPeriods: 3,
    });
    for (const route of routes) {
      const functionId = functionOf(template, route) && Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: `incr-prod-${route.id}` } }))[0];
      expect(byName.get(`incr-prod-${route.id}-errors`)).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: alarmThresholds.functionErrors,
      });
    }
    for (const [name, metricName, threshold] of [
      ['incr-prod-table-throttled-requests', 'ThrottledRequests', alarmThresholds.tableThrottledRequests],
      ['incr-prod-table-system-errors', 'SystemErrors', alarmThresholds.tableSystemErrors],
    ] as const) {
      const alarm = byName.get(name)!;
      expect(alarm.Threshold).toBe(threshold);
      const operations = (alarm.Metrics as { MetricStat?: { Metric: { MetricName: string; Dimensions: { Name: string; Value: unknown }[] } } }[])
        .filter((metric) => metric.MetricStat?.Metric.MetricName === metricName)
        .map((metric) => metric.MetricStat!.Metric.Dimensions.find((dimension) => dimension.Name === 'Operation')!.Value);
      // Every action a route may be granted, and the transactions those actions authorize (a
      // ConditionCheckItem only exists inside one); at most ten metrics, CloudWatch's limit per alarm.
      const grantedOperations = routes.flatMap((route) => route.tableActions).filter((action) => action !== 'ConditionCheckItem');
      expect(operations).toEqual(expect.arrayContaining([...grantedOperations, 'TransactWriteItems']));
      expect(operations.length).toBeLessThanOrEqual(10);
    }
  });

  it('sends alarms to an SNS topic that only accepts TLS, with no subscription unless configured', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
