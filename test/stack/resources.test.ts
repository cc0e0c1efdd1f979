import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/routes.ts';
import { functionOf, type Resource, synthesize } from './synth.ts';

describe('IncrStack (default configuration)', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesize();
  });

  it('creates exactly one function per route, on nodejs24.x and arm64 with the shared defaults', () => {
    template.resourceCountIs('AWS::Lambda::Function', routes.length);
    for (const route of routes) {
      expect(functionOf(template, route).Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 256,
        Timeout: 10,
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

  it('outputs the API URL, the table name, the secret ARN, the alarm topic and the dashboard', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['AlarmTopicArn', 'ApiUrl', 'DashboardUrl', 'IpHashSecretArn', 'TableName']);
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });
});
