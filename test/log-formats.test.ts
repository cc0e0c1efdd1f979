import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from './clock.ts';
import { Logger, logLevelOf } from '../lambdas/shared/logger.ts';
import { ContainerMetrics, emfDocument, metricsDisabledBy } from '../lambdas/shared/metrics.ts';

/** The log line and EMF shapes CloudWatch, docs/operations.md's queries and the dashboard read. */

const printer = () => {
  const lines: { stream: 'stdout' | 'stderr'; json: Record<string, unknown> }[] = [];
  const stream = (name: 'stdout' | 'stderr') => ({ write: (chunk: string) => lines.push({ stream: name, json: JSON.parse(chunk) }) });
  return { lines, output: { stdout: stream('stdout'), stderr: stream('stderr') } };
};

const context = (awsRequestId: string) =>
  ({
    functionName: 'incr-prod-countapi-hit',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:incr-prod-countapi-hit',
    memoryLimitInMB: '256',
    awsRequestId,
  }) as Context;

const atMs = testClock.at(3_600_000);
afterEach(() => testClock.reset());

/** A handler as the functions write them: the logger learns the invocation, then logs. */
const tinyHandler = (logger: Logger) => async (requestId: string) => {
  logger.addContext(context(requestId));
  logger.info('request', { route: 'countapi-hit', status: 200, durationMs: 4.21 });
};

describe('log lines', () => {
  it('are one JSON object per line with the fields Powertools printed, in its order', async () => {
    testClock.pin(atMs);
    const { lines, output } = printer();
    const handler = tinyHandler(new Logger('incr', { AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', _X_AMZN_TRACE_ID: 'Root=1-67-abc;Parent=53;Sampled=1' }, output));
    await handler('first');
    await handler('second');
    const expected = (requestId: string, coldStart: boolean) => ({
      stream: 'stdout',
      json: {
        level: 'INFO',
        message: 'request',
        timestamp: new Date(atMs).toISOString(),
        service: 'incr',
        cold_start: coldStart,
        function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:incr-prod-countapi-hit',
        function_memory_size: '256',
        function_name: 'incr-prod-countapi-hit',
        function_request_id: requestId,
        xray_trace_id: '1-67-abc',
        route: 'countapi-hit',
        status: 200,
        durationMs: 4.21,
      },
    });
    expect(lines).toEqual([expected('first', true), expected('second', false)]);
    expect(lines.map(({ json }) => Object.keys(json))).toEqual([Object.keys(expected('first', true).json), Object.keys(expected('second', false).json)]);
  });

  it('show no cold start outside an on-demand start, and leave off fields without a value', async () => {
    const { lines, output } = printer();
    const logger = new Logger('incr', { AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' }, output);
    logger.addContext({ ...context('r'), invokedFunctionArn: '' });
    logger.warn('DynamoDB unavailable', { errorName: 'ThrottlingException', missing: undefined, empty: null });
    expect(lines).toEqual([{ stream: 'stderr', json: expect.objectContaining({ level: 'WARN', cold_start: false, errorName: 'ThrottlingException' }) }]);
    expect(Object.keys(lines[0]!.json)).not.toEqual(expect.arrayContaining(['function_arn', 'xray_trace_id', 'missing', 'empty']));
  });

  it('print an error with its name, location, message, stack, cause and own fields, to stderr', () => {
    const { lines, output } = printer();
    const cause = new Error('socket hang up');
    const error = Object.assign(new Error('the handler broke', { cause }), { $fault: 'server', big: 12n });
    // An SDK error's fields can point back at it: the line must still print.
    Object.assign(error, { $response: { request: { error } } });
    Object.assign(cause, { self: cause });
    new Logger('incr', {}, output).error('Unhandled failure', error);
    expect(lines).toEqual([
      {
        stream: 'stderr',
        json: expect.objectContaining({
          level: 'ERROR',
          message: 'Unhandled failure',
          error: {
            name: 'Error',
            location: expect.stringMatching(/:\d+$/),
            message: 'the handler broke',
            stack: error.stack,
            cause: expect.objectContaining({ name: 'Error', message: 'socket hang up', stack: cause.stack }),
            $fault: 'server',
            big: '12',
            $response: { request: {} },
          },
        }),
      },
    ]);
  });

  it('are printed from the configured level up', () => {
    const { lines, output } = printer();
    const logger = new Logger('incr', { POWERTOOLS_LOG_LEVEL: 'warn' }, output);
    logger.debug('debug');
    logger.info('info');
    logger.warn('warn');
    logger.error('error');
    expect(lines.map(({ json }) => json.level)).toEqual(['WARN', 'ERROR']);
  });

  it.each([
    [{}, 'INFO'],
    [{ POWERTOOLS_LOG_LEVEL: 'SILENT' }, 'SILENT'],
    [{ POWERTOOLS_LOG_LEVEL: 'LOUD' }, 'INFO'],
    [{ LOG_LEVEL: 'debug' }, 'DEBUG'],
    [{ POWERTOOLS_LOG_LEVEL: 'ERROR', LOG_LEVEL: 'DEBUG' }, 'ERROR'],
    // Lambda's application log level (JSON log format) wins: it drops the lines below it anyway.
    [{ AWS_LAMBDA_LOG_LEVEL: 'DEBUG', POWERTOOLS_LOG_LEVEL: 'ERROR' }, 'DEBUG'],
    [{ AWS_LAMBDA_LOG_LEVEL: 'FATAL' }, 'CRITICAL'],
  ])('the level of %j is %s', (environment, level) => {
    expect(logLevelOf(environment)).toBe(level);
  });
});

describe('EMF lines', () => {
  const dimensions = { service: 'incr', stage: 'prod' };

  it('are a CloudWatch EMF document: namespace, dimension set, counts, and the values beside them', () => {
    expect(emfDocument(dimensions, new Map([['Hits', 3], ['KeysCreated', 1]]), atMs)).toEqual({
      _aws: {
        Timestamp: atMs,
        CloudWatchMetrics: [{ Namespace: 'Incr', Dimensions: [['service', 'stage']], Metrics: [{ Name: 'Hits', Unit: 'Count' }, { Name: 'KeysCreated', Unit: 'Count' }] }],
      },
      service: 'incr',
      stage: 'prod',
      Hits: 3,
      KeysCreated: 1,
    });
  });

  it('carry what a container counted, quota decisions on lines of their own, stamped when printed', () => {
    const printed: unknown[] = [];
    const metrics = new ContainerMetrics(dimensions, false, { write: (line: string) => printed.push(JSON.parse(line)) });
    metrics.count('Hits');
    metrics.count('Hits');
    metrics.quotaDecision('denied', 'limit_exceeded');
    metrics.flush(atMs);
    metrics.flush(atMs + 1);
    expect(printed).toEqual([
      emfDocument(dimensions, new Map([['Hits', 2]]), atMs),
      emfDocument({ ...dimensions, outcome: 'denied', reason: 'limit_exceeded' }, new Map([['QuotaDecisions', 1]]), atMs),
    ]);
  });

  it('are not printed when POWERTOOLS_METRICS_DISABLED is set, and what was counted is not kept for later', () => {
    const printed: string[] = [];
    const metrics = new ContainerMetrics(dimensions, true, { write: (line: string) => printed.push(line) });
    metrics.count('Hits');
    metrics.flush(atMs);
    expect(printed).toEqual([]);
  });

  it.each([
    ['true', true],
    [' YES ', true],
    ['1', true],
    ['false', false],
    ['0', false],
    [undefined, false],
  ])('POWERTOOLS_METRICS_DISABLED=%s disables them: %s', (value, disabled) => {
    expect(metricsDisabledBy(value)).toBe(disabled);
  });
});
