import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.ts';
import { routes } from '../../lib/routes.ts';
import { functionOf, type Resource, synthesize } from './synth.ts';

/** What each observability setting of docs/cost.md changes in the template. */

const stageOf = (template: Template) => (Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as Resource[])[0]!;
const logGroupsNamed = (template: Template, pattern: RegExp) =>
  (Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[]).filter((group) => pattern.test(group.Properties.LogGroupName));
const writesTraces = (template: Template) =>
  JSON.stringify(template.findResources('AWS::IAM::Policy')).includes('xray:PutTraceSegments');

const everyFunction = (template: Template) => routes.map((route) => functionOf(template, route).Properties);

describe('observability settings in the template', () => {
  it('by default: JSON logs without START/END/REPORT, no tracing, no access logs, 1 % of ordinary request lines', () => {
    const template = synthesize();
    for (const properties of everyFunction(template)) {
      expect(properties.LoggingConfig).toEqual({ LogFormat: 'JSON', SystemLogLevel: 'WARN', ApplicationLogLevel: 'INFO', LogGroup: { Ref: expect.any(String) } });
      expect(properties.TracingConfig).toBeUndefined();
      expect(properties.Environment.Variables).toMatchObject({ INCR_REQUEST_LOG_SAMPLE_RATE: '0.01', INCR_SLOW_REQUEST_MS: '250' });
    }
    expect(writesTraces(template)).toBe(false);
    expect(stageOf(template).Properties.AccessLogSettings).toBeUndefined();
    // The access log group stays, empty: turning the access logs off keeps what they logged until its retention ends.
    expect(logGroupsNamed(template, /^\/incr\/prod\/api-access$/)).toHaveLength(1);
    // EMF, which carries the business metrics, only works on the Standard class.
    for (const group of logGroupsNamed(template, /^\/aws\/lambda\//)) expect(group.Properties.LogGroupClass ?? 'STANDARD').toBe('STANDARD');
  });

  it('incr:accessLogs on: one access log line per request into the access log group', () => {
    const template = synthesize({ 'incr:accessLogs': 'on' });
    const [accessLogs] = logGroupsNamed(template, /^\/incr\/prod\/api-access$/);
    const groupId = Object.keys(template.findResources('AWS::Logs::LogGroup')).find((id) => template.findResources('AWS::Logs::LogGroup')[id] === accessLogs);
    expect(stageOf(template).Properties.AccessLogSettings).toEqual({ DestinationArn: { 'Fn::GetAtt': [groupId, 'Arn'] }, Format: expect.any(String) });
  });

  it('incr:accessLogClass infrequent-access: the access logs in a group of that class, under a name of its own', () => {
    const template = synthesize({ 'incr:accessLogs': 'on', 'incr:accessLogClass': 'infrequent-access' });
    expect(logGroupsNamed(template, /^\/incr\/prod\/api-access/).map((group) => group.Properties)).toEqual([
      expect.objectContaining({ LogGroupName: '/incr/prod/api-access-ia', LogGroupClass: 'INFREQUENT_ACCESS', RetentionInDays: 30 }),
    ]);
    for (const group of logGroupsNamed(template, /^\/aws\/lambda\//)) expect(group.Properties.LogGroupClass ?? 'STANDARD').toBe('STANDARD');
  });

  it('incr:tracing active: every function traced, with the permission to send its segments', () => {
    const template = synthesize({ 'incr:tracing': 'active' });
    for (const properties of everyFunction(template)) expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
    expect(writesTraces(template)).toBe(true);
  });

  it('incr:systemLogLevel, incr:applicationLogLevel and the request log settings reach every function', () => {
    const template = synthesize({
      'incr:systemLogLevel': 'INFO',
      'incr:applicationLogLevel': 'DEBUG',
      'incr:requestLogSampleRate': 1,
      'incr:slowRequestMs': 100,
    });
    for (const properties of everyFunction(template)) {
      expect(properties.LoggingConfig).toMatchObject({ SystemLogLevel: 'INFO', ApplicationLogLevel: 'DEBUG' });
      expect(properties.Environment.Variables).toMatchObject({ INCR_REQUEST_LOG_SAMPLE_RATE: '1', INCR_SLOW_REQUEST_MS: '100' });
    }
  });

  it('incr:debug turns on everything the defaults drop; a key that is set still wins', () => {
    const template = synthesize({ 'incr:debug': true });
    expect(stageOf(template).Properties.AccessLogSettings).toEqual(expect.objectContaining({ DestinationArn: expect.anything() }));
    for (const properties of everyFunction(template)) {
      expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(properties.LoggingConfig).toMatchObject({ SystemLogLevel: 'INFO', ApplicationLogLevel: 'DEBUG' });
      expect(properties.Environment.Variables.INCR_REQUEST_LOG_SAMPLE_RATE).toBe('1');
    }
    const overridden = loadConfig(new App({ context: { 'incr:debug': 'true', 'incr:tracing': 'off', 'incr:requestLogSampleRate': '0.1' } }).node);
    expect(overridden.observability).toMatchObject({ accessLogs: true, tracing: false, systemLogLevel: 'INFO', requestLog: { sampleRate: 0.1 } });
  });
});
