import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { defaultPlans } from '../../lambdas/shared/plans.ts';
import { loadConfig } from '../../lib/config.ts';
import { routes } from '../../lib/routes.ts';
import { functionOf, synthesize } from './synth.ts';

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

  it('takes plans that leave caps unset, and a default plan of the table (else the first plan)', () => {
    const plans = { unlimited: { apiKeys: 'unlimited' }, burst: { requestsPerSecond: 5, monthlyRequests: 1000, apiKeys: 1 } };
    const config = loadConfig(new App({ context: { 'incr:plans': plans, 'incr:defaultPlan': 'burst' } }).node);
    expect(config.plans.unlimited).toEqual({ apiKeys: 'unlimited', overages: false });
    expect(config.defaultPlan).toBe('burst');
    expect(loadConfig(new App({ context: { 'incr:plans': plans } }).node).defaultPlan).toBe('unlimited');
    expect(loadConfig(new App().node).defaultPlan).toBe('free');
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
    ['incr:plans', { odd: { monthlyRequests: 10, requestsPerSecond: 20, apiKeys: 1 } }],
    ['incr:defaultPlan', 'platinum'],
    ['incr:debug', 'yes'],
    ['incr:accessLogs', 'sampled'],
    ['incr:accessLogClass', 'glacier'],
    ['incr:tracing', 'sampled'],
    ['incr:systemLogLevel', 'ERROR'],
    ['incr:applicationLogLevel', 'WARN'],
    ['incr:requestLogSampleRate', 1.5],
    ['incr:slowRequestMs', 0],
  ])('rejects a bad %s, naming the field', (key, value) => {
    expect(() => loadConfig(new App({ context: { [key]: value } }).node)).toThrow(key);
  });

  it('names the missing half of a custom domain', () => {
    expect(() => loadConfig(new App({ context: { 'incr:domainName': 'counters.example.com' } }).node)).toThrow(
      'incr:certificateArn: is required when incr:domainName is set',
    );
  });

  it('says why an application log level that would lose the business metrics is refused', () => {
    expect(() => loadConfig(new App({ context: { 'incr:applicationLogLevel': 'ERROR' } }).node)).toThrow('above INFO Lambda would drop the business metrics');
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
