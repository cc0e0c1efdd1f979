import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyPrefixes } from '../lambdas/shared/keys.ts';
import { businessMetricNames } from '../lambdas/shared/metric-names.ts';
import { defaultPlans } from '../lambdas/shared/plans.ts';
import { alarmThresholds } from '../lib/alarms.ts';
import { createApp } from '../lib/app.ts';
import { loadConfig } from '../lib/config.ts';
import { readActions, routes, type Route } from '../lib/routes.ts';
import { validateRoutes } from '../lib/validate-routes.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

const synthesize = (context: Record<string, unknown> = {}) => {
  // Skipping bundling keeps these tests fast; test/bundling.test.ts bundles every function once.
  const { stack } = createApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return Template.fromStack(stack);
};

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

const onlyLogicalId = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

const functionOf = (template: Template, route: Route, stage = 'prod'): Resource => {
  const functions = Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: `incr-${stage}-${route.id}` } }),
  );
  expect(functions).toHaveLength(1);
  return functions[0] as Resource;
};

const roleStatementsOf = (template: Template, route: Route): Statement[] => {
  const roleLogicalId = functionOf(template, route).Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } })).flatMap(
    (policy) => (policy as Resource).Properties.PolicyDocument.Statement as Statement[],
  );
};

const actionsOf = (statement: Statement) => [statement.Action].flat().sort();
const dynamodbActions = (actions: readonly string[]) => actions.map((action) => `dynamodb:${action}`).sort();

describe('IncrStack (default configuration)', () => {
  let template: Template;
  let tableArn: unknown;
  let secretArn: unknown;

  beforeAll(() => {
    template = synthesize();
    tableArn = { 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::DynamoDB::GlobalTable'), 'Arn'] };
    secretArn = { Ref: onlyLogicalId(template, 'AWS::SecretsManager::Secret') };
  });

  it('creates exactly one function per route, on nodejs24.x and arm64 with the shared defaults', () => {
    template.resourceCountIs('AWS::Lambda::Function', routes.length);
    for (const route of routes) {
      expect(functionOf(template, route).Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 256,
        Timeout: 10,
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            POWERTOOLS_SERVICE_NAME: 'incr',
            TABLE_NAME: { Ref: expect.any(String) },
            INCR_STAGE: 'prod',
            ROUTE_ID: route.id,
            CORS_ALLOWED_ORIGINS: '*',
          },
        },
      });
      // Logging whole events would log headers (API keys) and source IPs.
      expect(functionOf(template, route).Properties.Environment.Variables.POWERTOOLS_LOGGER_LOG_EVENT).toBeUndefined();
    }
  });

  it('gives every function its own log group with the configured retention, deleted with the stack', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');
    const usedLogGroups = routes.map((route) => functionOf(template, route).Properties.LoggingConfig?.LogGroup?.Ref);
    expect(new Set(usedLogGroups).size).toBe(routes.length);
    for (const logGroupId of usedLogGroups) {
      expect(logGroups[logGroupId]).toMatchObject({ Properties: { RetentionInDays: 30 }, DeletionPolicy: 'Delete' });
    }
  });

  it('gives every log group of the stack a retention period', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[];
    expect(logGroups).toHaveLength(routes.length + 1); // the functions' and the API's access logs
    for (const logGroup of logGroups) expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it('lets each function write only its own log group, without AWS-managed policies', () => {
    for (const route of routes) {
      const fn = functionOf(template, route);
      const role = template.findResources('AWS::IAM::Role')[fn.Properties.Role['Fn::GetAtt'][0]] as Resource;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logStatements = roleStatementsOf(template, route).filter((statement) => actionsOf(statement).some((action) => action.startsWith('logs:')));
      expect(logStatements).toEqual([
        expect.objectContaining({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] },
        }),
      ]);
    }
  });

  it('creates the table with the shared key schema, TTL, PITR and on-demand billing, retained by default', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      },
    });
  });

  it('routes exactly the route keys of the route table, each to its own route function', () => {
    const apiRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const functions = template.findResources('AWS::Lambda::Function');

    const routedFunctionNames = new Map(
      apiRoutes.map(({ Properties: { RouteKey, Target } }) => {
        const integrationId = Target['Fn::Join'][1][1].Ref;
        const integration = (integrations[integrationId] as Resource).Properties;
        expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
        const functionId = integration.IntegrationUri['Fn::GetAtt'][0];
        return [RouteKey as string, (functions[functionId] as Resource).Properties.FunctionName as string];
      }),
    );

    expect(apiRoutes).toHaveLength(routedFunctionNames.size);
    expect(routedFunctionNames).toEqual(
      new Map(routes.flatMap((route) => route.routeKeys.map((routeKey) => [routeKey, `incr-prod-${route.id}`]))),
    );
  });

  it('leaves CORS to the functions (no API-level CORS configuration)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true });
  });

  it('throttles the stage, and the creation routes of the route table more strictly', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as (Resource & { DependsOn: string[] })[];
    expect(stage!.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 });
    const creationRouteKeys = routes.filter((route) => route.creates).flatMap((route) => route.routeKeys);
    expect(creationRouteKeys.length).toBeGreaterThan(0);
    expect(stage!.Properties.RouteSettings).toEqual(
      Object.fromEntries(creationRouteKeys.map((routeKey) => [routeKey, { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }])),
    );
    // API Gateway refuses settings for a route that does not exist yet.
    const apiRoutes = template.findResources('AWS::ApiGatewayV2::Route');
    for (const routeKey of creationRouteKeys) {
      const routeId = Object.keys(apiRoutes).find((id) => (apiRoutes[id] as Resource).Properties.RouteKey === routeKey)!;
      expect(stage!.DependsOn).toContain(routeId);
    }
  });

  it('writes JSON access logs without source IP, path, query string or user agent', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as Resource[];
    const { DestinationArn, Format } = stage!.Properties.AccessLogSettings;
    const fields = JSON.parse(Format) as Record<string, string>;
    expect(fields).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    for (const leaky of ['sourceIp', 'path', 'userAgent', 'queryString', 'authorizer']) expect(Format).not.toContain(leaky);
    expect(template.findResources('AWS::Logs::LogGroup')[DestinationArn['Fn::GetAtt'][0]]).toMatchObject({
      Properties: { RetentionInDays: 30 },
    });
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

  describe.each(routes.map((route) => [route.id, route] as const))('route %s', (_, route) => {
    it('may use its tableActions only on its own partition-key prefixes (dynamodb:LeadingKeys), on the table only', () => {
      const statements = roleStatementsOf(template, route);
      const dynamodbStatements = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
      for (const statement of dynamodbStatements) expect(statement.Resource).toEqual(tableArn);
      if (route.access === 'none') expect(dynamodbStatements).toEqual([]);

      // Every statement carries the condition, and grants each action exactly the prefixes the route declares for it.
      const granted = new Map<string, string[]>();
      for (const statement of dynamodbStatements) {
        expect(Object.keys(statement.Condition ?? {})).toEqual(['ForAllValues:StringLike']);
        const leadingKeys = (statement.Condition as Record<string, Record<string, string[]>>)['ForAllValues:StringLike']!;
        expect(Object.keys(leadingKeys)).toEqual(['dynamodb:LeadingKeys']);
        for (const action of actionsOf(statement)) {
          expect(granted.has(action)).toBe(false);
          granted.set(action, leadingKeys['dynamodb:LeadingKeys']!.map((pattern) => pattern.replace(/\*$/, '')).sort());
        }
      }
      const expected = new Map<string, Set<string>>();
      const allow = (actions: readonly string[], prefixes: readonly string[] = []) => {
        for (const action of dynamodbActions(actions)) expected.set(action, new Set([...(expected.get(action) ?? []), ...prefixes]));
      };
      allow(route.tableActions.filter((action) => readActions.includes(action as never)), route.keyPrefixes?.read);
      allow(route.tableActions.filter((action) => !readActions.includes(action as never)), route.keyPrefixes?.write);
      if (route.scopedWrites) allow(route.scopedWrites.actions, [route.scopedWrites.partitionKeyPrefix]);
      if (route.apiKey) allow(['GetItem'], [keyPrefixes.apiKeyLookup]);
      expect(Object.fromEntries(granted)).toEqual(Object.fromEntries([...expected].map(([action, prefixes]) => [action, [...prefixes].sort()])));

      if (route.access === 'read') {
        // A read route writes only what its scoped writes allow.
        const writes = [...granted].filter(([action]) => !dynamodbActions(readActions).includes(action));
        for (const [, prefixes] of writes) expect(prefixes).toEqual([route.scopedWrites!.partitionKeyPrefix]);
      }
      if (!route.apiKey) {
        // Public routes (CountAPI, hits, health) can reach neither owners nor API keys.
        const reachable = [...granted.values()].flat();
        expect(reachable.filter((prefix) => prefix === keyPrefixes.apiKeyLookup || prefix === keyPrefixes.owner)).toEqual([]);
      }
    });

    it(`${route.readsPlans ? 'gets' : 'does not get'} the account plans`, () => {
      const environment = functionOf(template, route).Properties.Environment.Variables;
      expect(environment.INCR_PLANS).toEqual(route.readsPlans ? JSON.stringify(defaultPlans) : undefined);
    });

    it(`${route.readsIpHashSecret ? 'can' : 'cannot'} read the IP hash secret`, () => {
      const secretStatements = roleStatementsOf(template, route).filter((statement) => JSON.stringify(statement).includes('secretsmanager:'));
      const environment = functionOf(template, route).Properties.Environment.Variables;
      if (route.readsIpHashSecret) {
        expect(secretStatements).toEqual([expect.objectContaining({ Resource: secretArn })]);
        expect(environment.IP_HASH_SECRET_ARN).toEqual(secretArn);
      } else {
        expect(secretStatements).toEqual([]);
        expect(environment.IP_HASH_SECRET_ARN).toBeUndefined();
      }
    });
  });

  it('outputs the API URL, the table name, the secret ARN, the alarm topic and the dashboard', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['AlarmTopicArn', 'ApiUrl', 'DashboardUrl', 'IpHashSecretArn', 'TableName']);
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });
});

describe('IncrStack configuration', () => {
  it('names, retains and deletes resources as the context says', () => {
    const template = synthesize({ 'incr:stage': 'dev', 'incr:logRetentionDays': 7, 'incr:tableRemovalPolicy': 'destroy' });
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    for (const route of routes) functionOf(template, route, 'dev');
  });

  it('serves a custom domain, subscribes the alarm e-mail and applies CORS origins and throttles', () => {
    const certificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/0f9a7c52-4a1e-4c7e-9d0b-1f2e3d4c5b6a';
    const template = synthesize({
      'incr:domainName': 'counters.example.com',
      'incr:certificateArn': certificateArn,
      'incr:alarmEmail': 'ops@example.com',
      'incr:corsOrigins': ['https://app.example.com', 'http://localhost:5173'],
      'incr:throttleRateLimit': 200,
      'incr:throttleBurstLimit': 400,
      'incr:createThrottleRateLimit': 5,
      'incr:createThrottleBurstLimit': 10,
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'counters.example.com',
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: certificateArn })],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { Stage: Match.anyValue(), DomainName: Match.anyValue() });
    expect(template.findOutputs('CustomDomainUrl').CustomDomainUrl?.Value).toBe('https://counters.example.com');
    expect(Object.keys(template.findOutputs('CustomDomainTarget'))).toEqual(['CustomDomainTarget']);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    template.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CORS_ALLOWED_ORIGINS: 'https://app.example.com,http://localhost:5173' }) },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      RouteSettings: { 'GET /create': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
    });
  });

  it('hands the configured plans to the routes that enforce them', () => {
    const plans = { hobby: { monthlyRequests: 1000, requestsPerMinute: 60, requestsPerSecond: 2, apiKeys: 2, overages: false } };
    const template = synthesize({ 'incr:plans': plans });
    const planRoutes = routes.filter((route) => route.readsPlans);
    expect(planRoutes.length).toBeGreaterThan(0);
    for (const route of planRoutes) {
      expect(JSON.parse(functionOf(template, route).Properties.Environment.Variables.INCR_PLANS)).toEqual(plans);
    }
  });

  it('defaults to countr\'s plans, and takes the operator\'s own', () => {
    expect(loadConfig(new App().node).plans).toEqual(defaultPlans);
    const plans = { hobby: { monthlyRequests: 1000, requestsPerMinute: 60, requestsPerSecond: 2, apiKeys: 2 } };
    expect(loadConfig(new App({ context: { 'incr:plans': plans } }).node).plans).toEqual({ hobby: { ...plans.hobby, overages: false } });
    expect(loadConfig(new App({ context: { 'incr:plans': JSON.stringify(plans) } }).node).plans.hobby?.monthlyRequests).toBe(1000);
  });

  it.each([
    ['incr:logRetentionDays', 12345],
    ['incr:stage', 'Bad Stage'],
    ['incr:tableRemovalPolicy', 'keep'],
    ['incr:domainName', 'https://counters.example.com/'],
    ['incr:certificateArn', 'arn:aws:iam::123456789012:server-certificate/x'],
    ['incr:corsOrigins', 'https://app.example.com/'],
    ['incr:corsOrigins', ['*', 'https://app.example.com']],
    ['incr:throttleRateLimit', 0],
    ['incr:throttleBurstLimit', 'lots'],
    ['incr:createThrottleRateLimit', 2.5],
    ['incr:createThrottleBurstLimit', -1],
    ['incr:alarmEmail', 'ops-at-example.com'],
    ['incr:plans', {}],
    ['incr:plans', { free: { monthlyRequests: 10, requestsPerMinute: 60, requestsPerSecond: 1, apiKeys: 1 } }],
    ['incr:plans', { Free: { monthlyRequests: 10, requestsPerMinute: 6, requestsPerSecond: 1, apiKeys: 1 } }],
  ])('rejects a bad %s, naming the field', (key, value) => {
    expect(() => loadConfig(new App({ context: { [key]: value } }).node)).toThrow(key);
  });

  it('names the missing half of a custom domain', () => {
    expect(() => loadConfig(new App({ context: { 'incr:domainName': 'counters.example.com' } }).node)).toThrow(
      'incr:certificateArn: is required when incr:domainName is set',
    );
  });

  it('accepts a comma-separated list of origins from `cdk -c`', () => {
    expect(loadConfig(new App({ context: { 'incr:corsOrigins': 'https://a.example, https://b.example' } }).node).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('rejects a misspelled context key instead of ignoring it', () => {
    expect(() => loadConfig(new App({ context: { 'incr:logRetention': 7 } }).node)).toThrow('incr:logRetention');
  });

  it('accepts a numeric string from `cdk -c incr:logRetentionDays=7`', () => {
    expect(loadConfig(new App({ context: { 'incr:logRetentionDays': '7' } }).node).logRetention).toBe(7);
  });
});

describe('validateRoutes', () => {
  const readRoute = routes.find((route) => route.access === 'read')!;
  const noneRoute = routes.find((route) => route.access === 'none')!;

  it('accepts the route table', () => {
    expect(() => validateRoutes(routes)).not.toThrow();
  });

  it('rejects a read route with a write action', () => {
    expect(() => validateRoutes([{ ...readRoute, tableActions: ['GetItem', 'PutItem'] }])).toThrow(/'read'.*PutItem/);
  });

  it("rejects table access on a 'none' route", () => {
    expect(() => validateRoutes([{ ...noneRoute, tableActions: ['GetItem'] }])).toThrow(/'none'/);
  });

  it('rejects duplicate ids and route keys', () => {
    expect(() => validateRoutes([readRoute, readRoute])).toThrow(/used by more than one route/);
    expect(() => validateRoutes([readRoute, { ...noneRoute, routeKeys: [readRoute.routeKeys[0]!] }])).toThrow(/already served by/);
  });

  it('rejects a creation route that does not write', () => {
    expect(() => validateRoutes([{ ...readRoute, creates: true }])).toThrow(/creates things but its access is 'read'/);
  });

  it('rejects a scopedWrites prefix that would match every item', () => {
    expect(() => validateRoutes([{ ...readRoute, scopedWrites: { actions: ['UpdateItem'], partitionKeyPrefix: '' } }])).toThrow(
      /partitionKeyPrefix/,
    );
  });
});
