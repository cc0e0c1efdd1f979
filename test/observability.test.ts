import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testClock } from './clock.ts';
import { documentClient } from '../lambdas/shared/dynamodb.ts';
import { businessMetrics, containerMetrics } from '../lambdas/shared/metrics.ts';
import { requestLog, routeHandler } from '../lambdas/shared/route-handler.ts';
import { toEvent } from '../lib/local/api-gateway.ts';
import { lambdaContext } from '../lib/local/server.ts';
import { routes } from '../lib/routes.ts';
import { parseRouteKey } from '../lib/validate-routes.ts';
import { bearer, createTestOwner, uniqueName, useLocalApi } from './helpers.ts';

// Before any module loads: the logger and the metrics read these once, when they are created.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
});

type EmfLine = {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [field: string]: unknown;
};

const api = useLocalApi();

/** Everything the functions print (the logger writes warnings and errors to stderr, the rest to stdout) while a test runs, line by line. */
let printed: string[] = [];
beforeEach(() => {
  printed = [];
  const collect = (chunk: string | Uint8Array) => {
    printed.push(...chunk.toString().split('\n').filter((line) => line !== ''));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(collect);
  vi.spyOn(process.stderr, 'write').mockImplementation(collect);
  // Every request's line and metrics, unless a test says otherwise: what each request does is then visible on its own.
  Object.assign(requestLog, { sampleRate: 1, slowMs: 60_000 });
  containerMetrics.flushes.intervalMs = 0;
});
afterEach(() => {
  containerMetrics.flush();
  testClock.reset();
});

const jsonLines = () => printed.map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLines = () => jsonLines().filter((line) => line.message === 'request');
const emfLines = () => jsonLines().filter((line): line is EmfLine => '_aws' in line);
/** Sums every EMF value of `name` printed so far (a line holds an array when recorded twice). */
const metricTotal = (name: string) =>
  emfLines()
    .filter((line) => line._aws.CloudWatchMetrics.some((set) => set.Metrics.some((metric) => metric.Name === name)))
    .reduce((sum, line) => sum + [line[name]].flat().reduce((a: number, b) => a + (b as number), 0), 0);

/** A request that reaches `routeKey`: every path parameter filled in, `$default` as an unknown path. */
const requestFor = (routeKey: string): [string, RequestInit] => {
  const parsed = parseRouteKey(routeKey)!;
  if (parsed.kind === 'default') return ['/no/route/has/this/path', { method: 'GET' }];
  const path = parsed.path.replace(/\{[^}]+\+\}/g, 'any/path').replace(/\{[^}]+\}/g, 'probe-value');
  return [path, { method: parsed.method === 'ANY' ? 'GET' : parsed.method }];
};

/** A handler that throws, wrapped as every route's is. */
const invokeFailingHandler = async () => {
  const failing = routeHandler(async () => {
    throw new Error('the handler broke');
  });
  const event = toEvent(
    { method: 'GET', url: '/broken', headers: [['host', 'localhost']], body: Buffer.alloc(0), remoteAddress: '127.0.0.1', localPort: 443 },
    { routeKey: 'GET /broken' },
  );
  await expect(failing(event, lambdaContext({ id: 'broken-route' }, performance.now() + 1000))).rejects.toThrow('the handler broke');
};

describe('one log line per request', () => {
  it.each(routes.map((route) => [route.id, route] as const))('is written by route %s, as JSON with its route id', async (_, route) => {
    for (const routeKey of route.routeKeys) {
      printed = [];
      const [path, init] = requestFor(routeKey);
      const response = await api.fetch(path, init);
      expect(requestLines()).toEqual([
        expect.objectContaining({ route: route.id, routeKey, status: response.status, requestId: response.headers.get('apigw-requestid') }),
      ]);
    }
  });

  it('logs the route, method, route key, status, duration and request id as JSON', async () => {
    const response = await api.fetch(`/get/${uniqueName()}`);
    expect(response.status).toBe(404);
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'incr',
        route: 'countapi-get',
        method: 'GET',
        routeKey: 'GET /get/{key}',
        status: 404,
        durationMs: expect.any(Number),
        requestId: response.headers.get('apigw-requestid'),
        function_request_id: expect.any(String),
      }),
    ]);
  });

  it('logs the status API Gateway answers, for the fallback route too', async () => {
    await api.fetch('/no/such/path');
    await api.fetch('/anything', { method: 'OPTIONS' });
    expect(requestLines()).toEqual([
      expect.objectContaining({ route: 'fallback', routeKey: '$default', status: 404 }),
      expect.objectContaining({ route: 'fallback', method: 'OPTIONS', routeKey: 'OPTIONS /{proxy+}', status: 204 }),
    ]);
  });

  it('logs a handler that throws as the 500 API Gateway answers, with the error', async () => {
    await invokeFailingHandler();
    expect(jsonLines()).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'Unhandled failure', error: expect.objectContaining({ message: 'the handler broke' }) }),
      expect.objectContaining({ message: 'request', route: 'broken-route', routeKey: 'GET /broken', status: 500 }),
    ]);
  });

  it('never logs API keys, query strings, paths or IP addresses', async () => {
    const key = uniqueName('secret-counter');
    const secrets = ['sk_live_authorization_secret', 'rk_header_secret', 'qk_query_secret'];
    const response = await api.fetch(`/hit/site.example/${key}?api_key=${secrets[2]}`, {
      headers: {
        Authorization: `Bearer ${secrets[0]}`,
        'requiems-api-key': secrets[1]!,
        'X-Forwarded-For': '203.0.113.77',
        Referer: 'https://203.0.113.78/page',
      },
    });
    expect(response.status).toBe(200);
    await api.fetch(`/create?key=${uniqueName()}`, { headers: { Authorization: `Bearer ${secrets[0]}` } });

    expect(requestLines()).toHaveLength(2);
    const everything = printed.join('\n');
    // The local server's connections come from 127.0.0.1: the source IP the functions see.
    for (const forbidden of [...secrets, key, '127.0.0.1', '203.0.113.77', '203.0.113.78', 'Bearer']) {
      expect(everything).not.toContain(forbidden);
    }
  });
});

describe('business metrics in Embedded Metric Format', () => {
  it('prints one EMF line per request that recorded a metric, in the Incr namespace with service and stage', async () => {
    const key = uniqueName();
    await api.fetch(`/hit/${key}`);
    expect(emfLines()).toEqual([
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            {
              Namespace: 'Incr',
              Dimensions: [['service', 'stage']],
              Metrics: expect.arrayContaining([
                { Name: 'Hits', Unit: 'Count' },
                { Name: 'KeysCreated', Unit: 'Count' },
              ]),
            },
          ],
        }),
        service: 'incr',
        stage: 'local',
        Hits: 1,
        KeysCreated: 1,
      }),
    ]);

    printed = [];
    await api.fetch(`/hit/${key}`);
    expect(metricTotal('Hits')).toBe(1);
    expect(metricTotal('KeysCreated')).toBe(0);
  });

  it('counts creations, updates and resets', async () => {
    const key = uniqueName();
    await api.fetch(`/create?key=${key}&enable_reset=1`);
    await api.fetch(`/update/${key}?amount=1`);
    await api.fetch(`/set/${key}?value=5`);
    await api.fetch(`/update/${key}?amount=9`); // out of bounds: 403, no update
    expect({ created: metricTotal('KeysCreated'), updates: metricTotal('Updates'), hits: metricTotal('Hits') }).toEqual({
      created: 1,
      updates: 2,
      hits: 0,
    });
  });

  it('counts rate-limited creations', async () => {
    // A second no other test uses, so this client's creation window starts empty.
    testClock.pin(testClock.at(86_400_000));
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt++) statuses.push((await api.fetch(`/create?key=${uniqueName()}`)).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expect({ created: metricTotal('KeysCreated'), rateLimited: metricTotal('RateLimited') }).toEqual({ created: 20, rateLimited: 2 });
  });

  it('counts quota decisions by outcome and reason, idempotent replays, hits and API keys created', async () => {
    const owner = await createTestOwner(uniqueName('owner'));
    const metric = uniqueName('m').replaceAll('-', '_');
    const call = (key: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      api.fetch(path, bearer(key, { method, body, headers }));
    expect((await call(owner.adminKey, 'POST', '/v1/metrics', { metric, limit: 1, window: 'day' })).status).toBe(201);
    expect((await call(owner.adminKey, 'POST', '/v1/keys', { kind: 'use' })).status).toBe(201);
    printed = [];
    for (const idempotencyKey of ['first', 'first', 'second']) {
      await call(owner.useKey, 'POST', '/v1/check-consume', { subject: 'user_1', metric, cost: 1 }, { 'Idempotency-Key': idempotencyKey });
    }
    await api.fetch(`/hits/${uniqueName()}/home`);

    const decisions = emfLines()
      .filter((line) => 'QuotaDecisions' in line)
      .map(({ outcome, reason, QuotaDecisions }) => ({ outcome, reason, QuotaDecisions }));
    expect(decisions).toEqual([
      { outcome: 'allowed', reason: 'within_limits', QuotaDecisions: 1 },
      { outcome: 'denied', reason: 'limit_exceeded', QuotaDecisions: 1 },
    ]);
    expect(metricTotal('IdempotentReplays')).toBe(1);
    expect(metricTotal('Hits')).toBe(1);
  });

  it('counts API keys created', async () => {
    const owner = await createTestOwner(uniqueName('owner'));
    await api.fetch('/v1/keys', bearer(owner.adminKey, { method: 'POST', body: { kind: 'use' } }));
    expect(metricTotal('ApiKeysCreated')).toBe(1);
  });

  it('prints quota decisions on lines of their own, with their outcome and reason as dimensions of their own', () => {
    businessMetrics.idempotentReplay();
    businessMetrics.quotaDecision('denied', 'owner_monthly_limit_exceeded');
    businessMetrics.quotaDecision('denied', 'owner_monthly_limit_exceeded');
    containerMetrics.flush();
    expect(emfLines()).toEqual([
      expect.objectContaining({ IdempotentReplays: 1, stage: 'local' }),
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            { Namespace: 'Incr', Dimensions: [['service', 'stage', 'outcome', 'reason']], Metrics: [{ Name: 'QuotaDecisions', Unit: 'Count' }] },
          ],
        }),
        outcome: 'denied',
        reason: 'owner_monthly_limit_exceeded',
        QuotaDecisions: 2,
      }),
    ]);
    expect(emfLines()[0]).not.toHaveProperty('outcome');
  });

  it('prints nothing for a request that recorded no metric', async () => {
    await api.fetch(`/get/${uniqueName()}`);
    expect(emfLines()).toEqual([]);
    expect(jsonLines().filter((line) => line.level === 'WARN')).toEqual([]);
  });
});

describe('business metrics added up per container', () => {
  const startMs = testClock.at(3 * 86_400_000);
  beforeEach(() => {
    containerMetrics.flushes.intervalMs = 10_000;
    testClock.pin(startMs);
    containerMetrics.flushes.restart(startMs);
  });

  it('prints the sums of every request of an interval on one line, at the end of the first request after it', async () => {
    for (let visit = 0; visit < 3; visit++) await api.fetch(`/hit/${uniqueName()}`);
    testClock.pin(startMs + 9_999);
    await api.fetch(`/hit/${uniqueName()}`);
    expect(emfLines()).toEqual([]);

    testClock.pin(startMs + 10_000);
    await api.fetch(`/hit/${uniqueName()}`);
    expect(emfLines()).toEqual([expect.objectContaining({ Hits: 5, KeysCreated: 5 })]);
    await api.fetch(`/hit/${uniqueName()}`);
    expect(emfLines()).toHaveLength(1);
  });

  it('prints at once when the clock steps backwards, instead of waiting for the remembered time to come back', async () => {
    await api.fetch(`/hit/${uniqueName()}`);
    expect(emfLines()).toEqual([]);
    testClock.pin(startMs - 3_600_000);
    await api.fetch(`/hit/${uniqueName()}`);
    expect(emfLines()).toEqual([expect.objectContaining({ Hits: 2 })]);
  });
});

describe('the request lines that are kept when only a sample of requests is logged', () => {
  beforeEach(() => {
    requestLog.sampleRate = 0;
  });

  it('logs no ordinary answer, 2xx or 4xx, outside the sample', async () => {
    const key = uniqueName();
    expect((await api.fetch(`/hit/${key}`)).status).toBe(200);
    expect((await api.fetch(`/get/${uniqueName()}`)).status).toBe(404);
    expect(requestLines()).toEqual([]);
    // The metrics are counted whether or not the request's line is logged.
    expect(metricTotal('Hits')).toBe(1);
  });

  it('logs a sampled request at INFO with the rate, so that a query can scale its counts back up', async () => {
    requestLog.sampleRate = 0.25;
    vi.spyOn(Math, 'random').mockReturnValueOnce(0.2).mockReturnValueOnce(0.3);
    await api.fetch(`/get/${uniqueName()}`);
    await api.fetch(`/get/${uniqueName()}`);
    expect(requestLines()).toEqual([expect.objectContaining({ level: 'INFO', route: 'countapi-get', status: 404, logged: 'sampled', sampleRate: 0.25 })]);
  });

  it('always logs DynamoDB trouble: the warning and the 503 request line', async () => {
    const name = 'observabilityThrottle';
    documentClient.middlewareStack.add(
      () => async () => {
        throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput (test double)', $metadata: {} });
      },
      { step: 'initialize', name },
    );
    try {
      expect((await api.fetch(`/get/${uniqueName()}`)).status).toBe(503);
    } finally {
      documentClient.middlewareStack.remove(name);
    }
    expect(jsonLines()).toEqual([
      expect.objectContaining({ level: 'WARN', message: 'DynamoDB unavailable', errorName: 'ProvisionedThroughputExceededException' }),
      expect.objectContaining({ level: 'WARN', message: 'request', route: 'countapi-get', status: 503, logged: 'error' }),
    ]);
  });

  it('always logs a handler that throws, with the error', async () => {
    await invokeFailingHandler();
    expect(jsonLines()).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'Unhandled failure' }),
      expect.objectContaining({ level: 'WARN', message: 'request', status: 500, logged: 'error' }),
    ]);
  });

  it('always logs a slow request, at WARN', async () => {
    requestLog.slowMs = 0.001;
    const response = await api.fetch(`/get/${uniqueName()}`);
    expect(requestLines()).toEqual([
      expect.objectContaining({ level: 'WARN', route: 'countapi-get', status: 404, logged: 'slow', requestId: response.headers.get('apigw-requestid') }),
    ]);
  });
});
