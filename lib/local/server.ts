import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Route } from '../routes.ts';
import { createRouter, fromResult, gatewayError, newRequestId, toEvent, type GatewayResponse, type InvocationOutcome } from './api-gateway.ts';

/** What the local server needs of a route: the same fields the stack deploys it from. */
export type LocalRoute = Pick<Route, 'id' | 'routeKeys' | 'entry'>;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface LocalApiOptions {
  routes: readonly LocalRoute[];
  /** 0 picks a free port; `url` reports the real one. */
  port?: number;
  host?: string;
  /** API Gateway gives up on an integration after 30 s and answers 503. */
  timeoutMs?: number;
  /** Where a failing handler is reported (in AWS: the function's log group). */
  onHandlerError?: (routeId: string, error: unknown) => void;
}

export interface LocalApi {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The address to open in a browser for a server listening on `host`: `localhost` for loopback and
 * every-interface addresses, brackets around another IPv6 address, and always the port.
 */
export const localUrl = (host = '127.0.0.1', port: number): string => {
  const shown = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
};

/** Route entries are relative to the repository root, two levels above this file. */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Node's raw header list alternates names and values; API Gateway needs them as pairs. */
const headerPairs = (rawHeaders: string[]): Array<[string, string]> =>
  Array.from({ length: rawHeaders.length / 2 }, (_, index) => [rawHeaders[2 * index], rawHeaders[2 * index + 1]]);

/** The Lambda context of one invocation, its function named by the route id; `deadline` is on the monotonic `performance.now()` clock. */
export const lambdaContext = (route: Pick<LocalRoute, 'id'>, deadline: number): Context => {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const unsupported = () => {
    throw new Error('context.done/succeed/fail are not supported: return (or throw) from an async handler');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: route.id,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${route.id}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${route.id}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - performance.now())),
    done: unsupported,
    succeed: unsupported,
    fail: unsupported,
  };
};

const writeResponse = (response: ServerResponse, { statusCode, headers, body }: GatewayResponse, requestId: string) => {
  response.writeHead(statusCode, { ...headers, 'apigw-requestid': requestId, 'content-length': body.length });
  response.end(body);
};

/**
 * Serves the routes as API Gateway would, each route key invoking its route's handler module
 * in this process. Modules load on their first request (so a route whose handler does not exist
 * yet only fails when called) and stay loaded, like a warm Lambda container.
 */
export const startLocalApi = async ({
  routes,
  port = 3000,
  host = '127.0.0.1',
  timeoutMs = 30_000,
  onHandlerError = (routeId, error) => console.error(`[${routeId}]`, error),
}: LocalApiOptions): Promise<LocalApi> => {
  const matchRoute = createRouter(routes);
  const handlers = new Map<string, Promise<Handler>>();

  const loadHandler = (route: LocalRoute): Promise<Handler> => {
    let loading = handlers.get(route.id);
    if (!loading) {
      loading = import(pathToFileURL(resolve(repoRoot, route.entry)).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`${route.entry} does not export a handler function`);
        return module.handler as Handler;
      });
      // A module that failed to load (not written yet, syntax error) is retried on the next request.
      loading.catch(() => handlers.delete(route.id));
      handlers.set(route.id, loading);
    }
    return loading;
  };

  const invoke = async (route: LocalRoute, event: APIGatewayProxyEventV2): Promise<InvocationOutcome | 'timeout'> => {
    // As in Lambda, loading the module is the init phase, outside the invocation's timeout: a slow
    // first import (a busy machine) must not turn into a timeout the deployed function would not have.
    let handler: Awaited<ReturnType<typeof loadHandler>>;
    try {
      handler = await loadHandler(route);
    } catch (error) {
      return { error };
    }
    const deadline = performance.now() + timeoutMs; // monotonic: a wall clock stepped meanwhile cannot stretch or cut it
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((wake) => (timer = setTimeout(() => wake('timeout'), timeoutMs)));
    const invocation = Promise.resolve()
      .then(() => handler(event, lambdaContext(route, deadline)))
      .then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
    try {
      return await Promise.race([invocation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const answer = async (request: IncomingMessage): Promise<GatewayResponse & { requestId: string }> => {
    const body = await readBody(request);
    const requestId = newRequestId();
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const match = matchRoute(method, url.split('?')[0]);
    if (!match) return { ...gatewayError(404), requestId };

    const event = toEvent(
      {
        method,
        url,
        headers: headerPairs(request.rawHeaders),
        body,
        remoteAddress: request.socket.remoteAddress ?? '',
        localPort: request.socket.localPort ?? 0,
      },
      match,
      { requestId },
    );
    const outcome = await invoke(match.route, event);
    if (outcome === 'timeout') {
      onHandlerError(match.route.id, new Error(`Timed out after ${timeoutMs} ms`));
      return { ...gatewayError(503), requestId };
    }
    if ('error' in outcome) onHandlerError(match.route.id, outcome.error);
    return { ...fromResult(outcome), requestId };
  };

  const server = createServer((request, response) => {
    answer(request).then(
      ({ requestId, ...gatewayResponse }) => writeResponse(response, gatewayResponse, requestId),
      (error: unknown) => {
        // Only the server's own failures land here (handler errors are outcomes): never crash on them.
        console.error('[local-api]', error);
        if (!response.headersSent) writeResponse(response, gatewayError(500), newRequestId());
        else response.destroy();
      },
    );
  });

  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      listening();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((closed, failed) => {
        server.close((error) => (error ? failed(error) : closed()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
};
