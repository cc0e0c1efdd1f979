import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createRouter, formatRequestTime, fromResult, normalizeIp, toEvent, type ReceivedRequest } from '../lib/local/api-gateway.ts';
import { freePort } from '../lib/local/dynamodb-local.ts';
import { javaMajorVersion } from '../lib/local/java.ts';
import { startLocalApi, type LocalApi } from '../lib/local/server.ts';
import { routes } from '../lib/routes.ts';
import { pngSignature } from './fixtures/image.ts';
import { fixtureRoutes } from './fixtures/routes.ts';
import { childProcesses, developerEnv, isRunning, javaChildren, startBin, stillRunningAfter, waitForLine } from './processes.ts';

describe('router (API Gateway HTTP API route selection)', () => {
  // The example of the API Gateway developer guide, "Routing API requests".
  const match = createRouter([
    { id: 'exact', routeKeys: ['GET /pets/dog/1'] },
    { id: 'param', routeKeys: ['GET /pets/dog/{id}'] },
    { id: 'greedy', routeKeys: ['GET /pets/{proxy+}'] },
    { id: 'any', routeKeys: ['ANY /{proxy+}'] },
    { id: 'default', routeKeys: ['$default'] },
  ]);
  const selected = (method: string, path: string) => {
    const found = match(method, path);
    return found && { id: found.route.id, routeKey: found.routeKey, pathParameters: found.pathParameters };
  };

  it('prefers exact segments, then {param}, then {greedy+}', () => {
    expect(selected('GET', '/pets/dog/1')).toEqual({ id: 'exact', routeKey: 'GET /pets/dog/1', pathParameters: undefined });
    expect(selected('GET', '/pets/dog/2')).toEqual({ id: 'param', routeKey: 'GET /pets/dog/{id}', pathParameters: { id: '2' } });
    expect(selected('GET', '/pets/cat/1')).toEqual({ id: 'greedy', routeKey: 'GET /pets/{proxy+}', pathParameters: { proxy: 'cat/1' } });
  });

  it('lets ANY catch the methods no route defines', () => {
    expect(selected('POST', '/test/5')).toEqual({ id: 'any', routeKey: 'ANY /{proxy+}', pathParameters: { proxy: 'test/5' } });
    expect(selected('POST', '/pets/dog/1')?.id).toBe('any');
  });

  it('prefers a route for the request method over ANY on the same path', () => {
    const byMethod = createRouter([
      { id: 'any', routeKeys: ['ANY /items/{id}'] },
      { id: 'delete', routeKeys: ['DELETE /items/{id}'] },
    ]);
    expect(byMethod('DELETE', '/items/3')?.route.id).toBe('delete');
    expect(byMethod('GET', '/items/3')?.route.id).toBe('any');
  });

  it('needs at least one segment for a greedy variable, and falls back to $default', () => {
    expect(selected('GET', '/pets')?.id).toBe('any');
    expect(selected('GET', '/')).toEqual({ id: 'default', routeKey: '$default', pathParameters: undefined });
    expect(selected('GET', '/pets/dog/1/')?.id).toBe('greedy');
  });

  it('decodes path parameters', () => {
    expect(selected('GET', '/pets/dog/caf%C3%A9%20au%20lait')?.pathParameters).toEqual({ id: 'café au lait' });
    expect(selected('GET', '/pets/a%2Fb/c%20d')?.pathParameters).toEqual({ proxy: 'a/b/c d' });
    expect(selected('GET', '/pets/dog/100%')?.pathParameters).toEqual({ id: '100%' });
  });

  it('matches nothing without $default', () => {
    const noDefault = createRouter([{ routeKeys: ['GET /a'] }]);
    expect(noDefault('GET', '/b')).toBeUndefined();
    expect(noDefault('POST', '/a')).toBeUndefined();
  });

  it('refuses route keys API Gateway would refuse', () => {
    expect(() => createRouter([{ routeKeys: ['GET pets'] }])).toThrow(/Invalid route key/);
    expect(() => createRouter([{ routeKeys: ['FETCH /pets'] }])).toThrow(/Invalid route key/);
    expect(() => createRouter([{ routeKeys: ['GET /{proxy+}/tail'] }])).toThrow(/greedy/);
    expect(() => createRouter([{ routeKeys: ['GET /a/{x}'] }, { routeKeys: ['GET /a/{y}'] }])).toThrow(/Duplicate/);
  });

  it("routes the project's route table", () => {
    const project = createRouter(routes);
    expect(project('GET', '/hit/ns/key')).toMatchObject({
      route: { id: 'countapi-hit' },
      routeKey: 'GET /hit/{namespace}/{key}',
      pathParameters: { namespace: 'ns', key: 'key' },
    });
    expect(project('GET', '/hit/key')).toMatchObject({ route: { id: 'countapi-hit' }, pathParameters: { key: 'key' } });
    expect(project('OPTIONS', '/hit/ns/key')).toMatchObject({ route: { id: 'fallback' }, routeKey: 'OPTIONS /{proxy+}' });
    expect(project('POST', '/hit/ns/key')).toMatchObject({ route: { id: 'fallback' }, routeKey: '$default' });
  });
});

describe('toEvent (payload format 2.0)', () => {
  const now = new Date(Date.UTC(2020, 2, 12, 19, 3, 58, 390));
  const received = (overrides: Partial<ReceivedRequest> = {}): ReceivedRequest => ({
    method: 'GET',
    url: '/hit/ns/key',
    headers: [
      ['Host', 'localhost:3000'],
      ['User-Agent', 'curl/8.0'],
    ],
    body: Buffer.alloc(0),
    remoteAddress: '127.0.0.1',
    localPort: 3000,
    ...overrides,
  });
  const route = { routeKey: 'GET /hit/{namespace}/{key}', pathParameters: { namespace: 'ns', key: 'key' } };

  it('builds the whole event like API Gateway', () => {
    expect(toEvent(received({ url: '/hit/ns/key?a=1' }), route, { now, requestId: 'JKJaXmPLvHcESHA=' })).toEqual({
      version: '2.0',
      routeKey: 'GET /hit/{namespace}/{key}',
      rawPath: '/hit/ns/key',
      rawQueryString: 'a=1',
      headers: {
        host: 'localhost:3000',
        'user-agent': 'curl/8.0',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-port': '3000',
        'x-forwarded-proto': 'http',
      },
      queryStringParameters: { a: '1' },
      pathParameters: { namespace: 'ns', key: 'key' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost:3000',
        domainPrefix: 'localhost',
        http: { method: 'GET', path: '/hit/ns/key', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
        requestId: 'JKJaXmPLvHcESHA=',
        routeKey: 'GET /hit/{namespace}/{key}',
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: 1584039838390,
      },
      isBase64Encoded: false,
    });
  });

  it('lower-cases header names and joins repeated headers with commas', () => {
    const event = toEvent(
      received({ headers: [['X-Multi', 'a'], ['x-multi', 'b'], ['Accept', 'text/html, application/json']] }),
      route,
    );
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.headers.accept).toBe('text/html, application/json');
  });

  it('moves the Cookie header to cookies', () => {
    const event = toEvent(received({ headers: [['Cookie', 'session=abc123; theme=dark'], ['cookie', 'late=1']] }), route);
    expect(event.cookies).toEqual(['session=abc123', 'theme=dark', 'late=1']);
    expect(event.headers.cookie).toBeUndefined();
    expect(toEvent(received(), route).cookies).toBeUndefined();
  });

  it('decodes query parameters, joins repeats with commas and keeps valueless ones', () => {
    const event = toEvent(received({ url: '/s?tag=a&tag=b%20c&img&q=x+y&plus=%2B' }), route);
    expect(event.rawQueryString).toBe('tag=a&tag=b%20c&img&q=x+y&plus=%2B');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b c', img: '', q: 'x y', plus: '+' });
    expect(toEvent(received({ url: '/s' }), route).queryStringParameters).toBeUndefined();
    expect(toEvent(received({ url: '/s?' }), route)).toMatchObject({ rawQueryString: '', queryStringParameters: undefined });
  });

  it('has no pathParameters when the route has none, and a decoded rawPath', () => {
    const event = toEvent(received({ url: '/a%20b/c%2Fd' }), { routeKey: '$default' });
    expect(event.pathParameters).toBeUndefined();
    expect(event.rawPath).toBe('/a b/c%2Fd');
    expect(event.requestContext.http.path).toBe('/a b/c%2Fd');
  });

  it('passes textual bodies as text and anything else base64-encoded', () => {
    const json = toEvent(received({ headers: [['Content-Type', 'application/json; charset=utf-8']], body: Buffer.from('{"a":"é"}') }), route);
    expect(json).toMatchObject({ body: '{"a":"é"}', isBase64Encoded: false });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', 'application/xml']) {
      expect(toEvent(received({ headers: [['content-type', contentType]], body: Buffer.from('x') }), route).isBase64Encoded).toBe(false);
    }
    for (const headers of [[['Content-Type', 'image/png']], [['content-type', 'application/octet-stream']], []] as const) {
      const event = toEvent(received({ headers, body: pngSignature }), route);
      expect(event).toMatchObject({ body: pngSignature.toString('base64'), isBase64Encoded: true });
    }
    expect(toEvent(received(), route)).toMatchObject({ body: undefined, isBase64Encoded: false });
  });

  it('takes sourceIp from the connection, never from X-Forwarded-For', () => {
    const event = toEvent(received({ headers: [['X-Forwarded-For', '6.6.6.6']], remoteAddress: '::ffff:10.0.0.7' }), route);
    expect(event.requestContext.http.sourceIp).toBe('10.0.0.7');
    expect(event.headers['x-forwarded-for']).toBe('6.6.6.6, 10.0.0.7');
  });

  it('formats times and addresses as API Gateway does', () => {
    expect(formatRequestTime(new Date(Date.UTC(2026, 0, 5, 4, 7, 9)))).toBe('05/Jan/2026:04:07:09 +0000');
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('::1')).toBe('::1');
  });
});

describe('fromResult (payload format 2.0)', () => {
  const text = (body: Buffer) => body.toString('utf8');

  it('uses the status, headers and body of a structured result', () => {
    const response = fromResult({ result: { statusCode: 201, headers: { 'X-Count': 3, 'Content-Type': 'application/json' }, body: '{"ok":true}' } });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'x-count': '3', 'content-type': 'application/json' });
    expect(text(response.body)).toBe('{"ok":true}');
  });

  it('turns cookies into one Set-Cookie each', () => {
    const response = fromResult({ result: { statusCode: 200, cookies: ['a=1; Path=/', 'b=2'] } });
    expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2']);
  });

  it('decodes a base64 body', () => {
    const response = fromResult({ result: { statusCode: 200, headers: { 'content-type': 'image/png' }, body: pngSignature.toString('base64'), isBase64Encoded: true } });
    expect(response.body.equals(pngSignature)).toBe(true);
  });

  it('serves a body without a content-type as text/plain, and no body without one', () => {
    expect(fromResult({ result: { statusCode: 200, body: 'hi' } }).headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(fromResult({ result: { statusCode: 204, body: null } })).toEqual({ statusCode: 204, headers: {}, body: Buffer.alloc(0) });
  });

  it('serves a result without statusCode as a 200 JSON body', () => {
    for (const [result, body] of [
      [{ value: 1 }, '{"value":1}'],
      [[1, 2], '[1,2]'],
      [42, '42'],
      ['already text', 'already text'],
      [{ statusCode: undefined, value: 1 }, '{"value":1}'],
      [undefined, 'null'],
    ] as const) {
      const response = fromResult({ result });
      expect(response.statusCode).toBe(200);
      expect(response.headers).toEqual({ 'content-type': 'application/json' });
      expect(text(response.body)).toBe(body);
    }
  });

  it("answers API Gateway's 500 for a thrown error or an invalid result", () => {
    const internalError = { statusCode: 500, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"message":"Internal Server Error"}') };
    expect(fromResult({ error: new Error('boom') })).toEqual(internalError);
    for (const result of [
      { statusCode: 200.5 },
      { statusCode: '200' },
      { statusCode: 0 },
      { statusCode: 200, body: { not: 'a string' } },
      { statusCode: 200, headers: { 'x-list': ['a'] } },
      { statusCode: 200, cookies: 'a=1' },
      { value: 1n },
    ]) {
      expect(fromResult({ result })).toEqual(internalError);
    }
  });
});

describe('java', () => {
  it('reads the major version of old and new version strings', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(javaMajorVersion('nonsense')).toBeUndefined();
  });
});

type EchoAnswer = { event: APIGatewayProxyEventV2; context: { functionName: string; remainingTimeInMillis: number } };

describe('startLocalApi over HTTP', () => {
  let api: LocalApi;
  const onHandlerError = vi.fn();

  beforeAll(async () => {
    api = await startLocalApi({ routes: fixtureRoutes, port: 0, timeoutMs: 200, onHandlerError });
  });
  afterAll(() => api.close());

  it('listens on the real port when asked for port 0', () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(api.url).not.toMatch(/:0$/);
  });

  it('invokes the handler with the event and a Lambda context', async () => {
    const response = await fetch(`${api.url}/echo/caf%C3%A9?x=1&x=2`, { headers: { 'X-Forwarded-For': '6.6.6.6' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    const { event, context } = (await response.json()) as EchoAnswer;
    expect(event).toMatchObject({
      routeKey: 'GET /echo/{name}',
      rawPath: '/echo/café',
      rawQueryString: 'x=1&x=2',
      pathParameters: { name: 'café' },
      queryStringParameters: { x: '1,2' },
      requestContext: { http: { method: 'GET', sourceIp: '127.0.0.1' }, requestId: response.headers.get('apigw-requestid') },
    });
    expect(context.functionName).toBe('echo');
    expect(context.remainingTimeInMillis).toBeGreaterThan(0);
    expect(context.remainingTimeInMillis).toBeLessThanOrEqual(200);
  });

  it('hands a binary request body over base64-encoded', async () => {
    const response = await fetch(`${api.url}/echo/upload`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: pngSignature });
    const { event } = (await response.json()) as EchoAnswer;
    expect(event).toMatchObject({ body: pngSignature.toString('base64'), isBase64Encoded: true });
  });

  it('sends repeated request headers and cookies as API Gateway does', async () => {
    const { event } = await new Promise<EchoAnswer>((answered, failed) => {
      const request = httpRequest(`${api.url}/deep/a/b`, { method: 'PATCH', headers: { 'x-multi': ['a', 'b'], cookie: 'one=1; two=2' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => answered(JSON.parse(Buffer.concat(chunks).toString())));
      });
      request.on('error', failed);
      request.end();
    });
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.cookies).toEqual(['one=1', 'two=2']);
    expect(event.headers.cookie).toBeUndefined();
  });

  it('serves base64 results as bytes, with cookies as Set-Cookie headers', async () => {
    const response = await fetch(`${api.url}/image.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.getSetCookie()).toEqual(['seen=1; Path=/', 'theme=dark; HttpOnly']);
    expect(Buffer.from(await response.arrayBuffer()).equals(pngSignature)).toBe(true);
  });

  it("answers API Gateway's 404 when no route matches and there is no $default", async () => {
    const response = await fetch(`${api.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  it('answers 500 for a throwing or missing handler, reports it, and keeps serving', async () => {
    for (const path of ['/throws', '/missing']) {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    }
    expect(onHandlerError).toHaveBeenCalledWith('throws', expect.objectContaining({ message: 'handler failure for the test' }));
    expect(onHandlerError).toHaveBeenCalledWith('missing', expect.anything());
    expect((await fetch(`${api.url}/echo/still-up`)).status).toBe(200);
  });

  it('answers 503 when the handler outlives the integration timeout', async () => {
    const response = await fetch(`${api.url}/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });
});

describe('npm start (bin/local.ts)', () => {
  // The servers started here publish their records away from the developer's own `npm start`.
  const dataDir = mkdtempSync(join(tmpdir(), 'incr-local-server-test-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the route table with its own DynamoDB Local and leaves no Java behind on SIGTERM', async () => {
    const port = await freePort();
    const { child, output, exited } = startBin(developerEnv({ INCR_DATA_DIR: dataDir, INCR_IN_MEMORY: '1', PORT: String(port) }));
    let javaPids: number[] = [];
    try {
      await waitForLine(output, exited);
      // A fresh (in-memory) database gets a demo owner, whose keys are shown once before the ready line.
      const [announcement, adminLine, useLine, ready, ...rest] = output.stdout.split('\n');
      expect(announcement).toMatch(/^First start: created demo owner own_[0-9a-f]{16}\./);
      expect(adminLine).toMatch(/^  admin key: ck_admin_live_[0-9a-f]{40}$/);
      expect(useLine).toMatch(/^  use key:   ck_use_live_[0-9a-f]{40}$/);
      expect([ready, ...rest]).toEqual([
        `Incr is running at http://localhost:${port}`,
        `  landing page:   http://localhost:${port}/`,
        `  console:        http://localhost:${port}/console`,
        `  API reference:  http://localhost:${port}/docs`,
        '',
      ]);
      const useKey = useLine!.split(' ').pop()!;
      const demoCounter = await fetch(`http://localhost:${port}/v1/misc/counter/demo`, { method: 'POST', headers: { 'requiems-api-key': useKey } });
      expect(await demoCounter.json()).toEqual({ namespace: 'demo', value: 1 });
      expect(output.stderr).toBe('');
      javaPids = javaChildren(child.pid!);
      expect(javaPids).toHaveLength(1);

      const preflight = await fetch(`http://localhost:${port}/anything`, { method: 'OPTIONS' });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      const unknown = await fetch(`http://localhost:${port}/no/such/path`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await unknown.json()).toEqual({ error: 'Not Found' });

      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
      expect(javaPids.filter(isRunning)).toEqual([]);
    } finally {
      // Whatever failed above, no test run may leave a Java process behind.
      child.kill('SIGKILL');
      for (const pid of javaPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
    }
  });

  it('stops, Java included, when npm start is killed with SIGKILL', async () => {
    const { child: npm, output, exited } = startBin(developerEnv({ INCR_DATA_DIR: dataDir, INCR_IN_MEMORY: '1', PORT: '0' }), { viaNpm: true });
    const pids: number[] = [];
    try {
      await waitForLine(output, exited);
      const [server] = childProcesses(npm.pid!, 'bin/local.ts');
      pids.push(server!, ...javaChildren(server!));
      expect(pids).toHaveLength(2);

      npm.kill('SIGKILL');
      await exited;
      // Bounded: the server checks on npm every second, then stops as on SIGTERM.
      expect(await stillRunningAfter(pids, 15_000)).toEqual([]);
    } finally {
      npm.kill('SIGKILL');
      for (const pid of pids.filter(isRunning)) process.kill(pid, 'SIGKILL');
    }
  });

  it('uses DYNAMODB_ENDPOINT when set, without starting Java', async () => {
    const port = await freePort();
    const { child, output, exited } = startBin(
      developerEnv({ INCR_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: 'incr-local-endpoint-test', INCR_IN_MEMORY: '1', PORT: String(port) }),
    );
    try {
      await waitForLine(output, exited);
      expect(javaChildren(child.pid!)).toEqual([]);
      expect((await fetch(`http://localhost:${port}/anything`, { method: 'OPTIONS' })).status).toBe(204);
      child.kill('SIGINT');
      expect(await exited).toEqual([0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('says so on stderr and exits 1 when its DynamoDB Local dies, instead of answering 503', async () => {
    const { child, output, exited } = startBin(developerEnv({ INCR_DATA_DIR: dataDir, INCR_IN_MEMORY: '1', PORT: '0' }));
    try {
      await waitForLine(output, exited);
      const [java] = javaChildren(child.pid!);
      process.kill(java!, 'SIGKILL');
      expect(await exited).toEqual([1, null]);
      expect(output.stderr).toBe(`Incr stopped: DynamoDB Local (pid ${java}) exited unexpectedly (signal SIGKILL): every request would fail; start npm start again.\n`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('says how to fix a missing Java', async () => {
    const { output, exited } = startBin(developerEnv({ INCR_DATA_DIR: dataDir, INCR_IN_MEMORY: '1', PATH: '/nonexistent' }));
    expect(await exited).toEqual([1, null]);
    expect(output.stdout).toBe('');
    expect(output.stderr).toMatch(/^Incr could not start: Java was not found\. DynamoDB Local needs Java 17 or newer/);
  });
});
