import { describe, expect, it } from 'vitest';
import { configVariables, parseFunctionConfig } from '../lambdas/shared/config-schema.ts';
import { defaultPlans } from '../lambdas/shared/plans.ts';
import { parseDeployContext } from '../lib/config.ts';
import { functionEnvironment } from '../lib/function-environment.ts';
import { routes } from '../lib/routes.ts';
import packageJson from '../package.json' with { type: 'json' };
import { functionOf, onlyLogicalId, synthesize } from './stack/synth.ts';

const plans = { pico: { monthlyRequests: 50, requestsPerMinute: 10, requestsPerSecond: 2, apiKeys: 1, overages: false } };
const corsOrigins = ['https://app.example.com', 'http://localhost:5173'];
/** The route table's paths and their methods, as the fallback gets them. */
const everyRouteMethod = expect.objectContaining({ '/v1/keys': ['POST', 'GET'], '/v1/check-consume': ['POST'], '/hit/{key}': ['GET'] });

describe('the environment the stack gives each function', () => {
  const template = synthesize({ 'incr:plans': plans, 'incr:corsOrigins': corsOrigins, 'incr:requestLogSampleRate': 0.05, 'incr:slowRequestMs': 400 });
  const tableRef = { Ref: onlyLogicalId(template, 'AWS::DynamoDB::GlobalTable') };
  const secretRef = { Ref: onlyLogicalId(template, 'AWS::SecretsManager::Secret') };

  for (const route of routes) {
    it(`parses with the function config schema: ${route.id}`, () => {
      const variables = functionOf(template, route).Properties.Environment.Variables as Record<string, unknown>;
      expect(configVariables).toEqual(expect.arrayContaining(Object.keys(variables)));

      // CloudFormation resolves the references at deploy time; they must name this stack's table and secret.
      expect(variables.TABLE_NAME).toEqual(tableRef);
      if (route.readsIpHashSecret) expect(variables.IP_HASH_SECRET_ARN).toEqual(secretRef);
      const deployed = { ...variables, TABLE_NAME: 'incr-prod-table', ...(route.readsIpHashSecret && { IP_HASH_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ip' }) };
      expect(Object.values(deployed).every((value) => typeof value === 'string')).toBe(true);

      expect(parseFunctionConfig(deployed as Record<string, string>)).toEqual({
        tableName: 'incr-prod-table',
        dynamodbEndpoint: undefined,
        region: 'us-east-1', // AWS_REGION is Lambda's to set, not the stack's
        stage: 'prod',
        version: packageJson.version,
        serviceName: 'incr',
        corsOrigins,
        plans: route.readsPlans ? plans : defaultPlans,
        defaultPlan: route.readsPlans ? 'pico' : undefined,
        ipHashSecret: { arn: route.readsIpHashSecret ? 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ip' : undefined, local: undefined },
        routeId: route.id,
        // Only the fallback tells a wrong method from an unknown path.
        routeMethods: route.readsRouteTable ? everyRouteMethod : {},
        requestLog: { sampleRate: 0.05, slowMs: 400 },
      });
    });
  }
});

describe('the environment of the local server', () => {
  it('serves every route: the plans and the local IP-hash key, no route id', () => {
    const config = parseDeployContext({ 'incr:plans': plans, 'incr:corsOrigins': ['https://app.example.com'] });
    const environment = functionEnvironment(
      { ...config, stage: 'local' },
      { tableName: 'incr-local', dynamodbEndpoint: 'http://127.0.0.1:8123', ipHashSecret: { local: 'local-key' } },
    );
    expect(parseFunctionConfig(environment)).toEqual({
      tableName: 'incr-local',
      dynamodbEndpoint: 'http://127.0.0.1:8123',
      region: 'us-east-1',
      stage: 'local',
      version: packageJson.version,
      serviceName: 'incr',
      corsOrigins: ['https://app.example.com'],
      plans,
      defaultPlan: 'pico',
      ipHashSecret: { arn: undefined, local: 'local-key' },
      routeId: undefined,
      routeMethods: everyRouteMethod,
      requestLog: { sampleRate: 0.01, slowMs: 250 },
    });
  });
});

describe('parseFunctionConfig', () => {
  it('defaults what a bare environment leaves unset, an empty variable counting as unset', () => {
    expect(parseFunctionConfig({ INCR_PLANS: '', CORS_ALLOWED_ORIGINS: '' })).toMatchObject({
      tableName: undefined,
      stage: 'local',
      version: 'unknown',
      corsOrigins: ['*'],
      plans: defaultPlans,
      // A process without deploy settings (the CLI, a test) logs every request.
      requestLog: { sampleRate: 1, slowMs: 250 },
      defaultPlan: undefined,
    });
  });

  it('names each malformed variable', () => {
    expect(() => parseFunctionConfig({ INCR_PLANS: '{not json', DYNAMODB_ENDPOINT: 'localhost:8000' })).toThrow(
      /Invalid function configuration in the environment:\n {2}DYNAMODB_ENDPOINT: .*\n {2}INCR_PLANS: is not valid JSON/,
    );
    expect(() => parseFunctionConfig({ INCR_PLANS: JSON.stringify({ pico: { ...plans.pico, requestsPerSecond: 0 } }) })).toThrow(/INCR_PLANS\.pico\.requestsPerSecond: /);
  });
});
