import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../lib/config.ts';
import { IncrStack } from '../lib/incr-stack.ts';
import { apiKeyLookupKeyPrefix, readActions, routes, type Route } from '../lib/routes.ts';
import { validateRoutes } from '../lib/validate-routes.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

const synthesize = (context: Record<string, unknown> = {}) => {
  // Skipping bundling keeps these tests fast; test/bundling.test.ts bundles every function once.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const config = loadConfig(app.node);
  return Template.fromStack(new IncrStack(app, `Incr-${config.stage}`, { config }));
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
        Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'incr', TABLE_NAME: { Ref: expect.any(String) } } },
      });
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

  describe.each(routes.map((route) => [route.id, route] as const))('route %s', (_, route) => {
    it('may use exactly its tableActions, plus its scoped writes and API-key lookups on their partition-key prefixes, on the table only', () => {
      const statements = roleStatementsOf(template, route);
      const dynamodbStatements = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
      for (const statement of dynamodbStatements) expect(statement.Resource).toEqual(tableArn);

      const unconditional = dynamodbStatements.filter((statement) => statement.Condition === undefined);
      expect(unconditional.flatMap(actionsOf).sort()).toEqual(dynamodbActions(route.tableActions));

      const scoped = dynamodbStatements
        .filter((statement) => statement.Condition !== undefined)
        .map((statement) => ({ actions: actionsOf(statement), condition: statement.Condition }));
      const { scopedWrites } = route;
      const onlyUnder = (prefix: string) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] } });
      expect(scoped).toEqual([
        ...(scopedWrites ? [{ actions: dynamodbActions(scopedWrites.actions), condition: onlyUnder(scopedWrites.partitionKeyPrefix) }] : []),
        ...(route.apiKey ? [{ actions: ['dynamodb:GetItem'], condition: onlyUnder(apiKeyLookupKeyPrefix) }] : []),
      ]);

      if (route.access === 'read') {
        const unscopedActions = unconditional.flatMap(actionsOf);
        expect(unscopedActions.every((action) => dynamodbActions(readActions).includes(action))).toBe(true);
      }
      if (route.access === 'none') expect(dynamodbStatements).toEqual([]);
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

  it('outputs the API URL, the table name and the secret ARN', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['ApiUrl', 'IpHashSecretArn', 'TableName']);
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

  it.each([
    ['incr:logRetentionDays', 12345],
    ['incr:stage', 'Bad Stage'],
    ['incr:tableRemovalPolicy', 'keep'],
  ])('rejects a bad %s, naming the field', (key, value) => {
    expect(() => loadConfig(new App({ context: { [key]: value } }).node)).toThrow(key);
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

  it('rejects a scopedWrites prefix that would match every item', () => {
    expect(() => validateRoutes([{ ...readRoute, scopedWrites: { actions: ['UpdateItem'], partitionKeyPrefix: '' } }])).toThrow(
      /partitionKeyPrefix/,
    );
  });
});
