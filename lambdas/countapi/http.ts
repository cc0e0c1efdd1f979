import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { clock } from '../shared/clock.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { isServiceUnavailable } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { CreationRateLimitedError } from '../shared/public-creation.ts';
import { routeHandler } from '../shared/route-handler.ts';
import { tableName } from '../shared/table.ts';
import { illFormedMessage, illFormedPath } from '../shared/well-formed.ts';
import { resolveReservedWords } from './names.ts';
import { jsonpCallback } from './schemas.ts';
import { StatsShards } from './stats-shards.ts';

/**
 * What every CountAPI route shares: request parsing (reserved words, then the route's zod schema),
 * the three answer formats (JSON, JSONP, 1x1 GIF), CORS and cache headers, X-Path, the
 * statistics, the mapping of failures to CountAPI's `{"error": ...}` answers, and the request log
 * line and metrics every Incr function emits (lambdas/shared/route-handler.ts).
 */

export interface CountapiAnswer {
  statusCode: number;
  body: Record<string, unknown>;
  /** `namespace/key` of the counter the request named: sent as X-Path. */
  path?: string;
  headers?: Record<string, string>;
}

export interface CountapiContext {
  event: APIGatewayProxyEventV2;
  nowMs: number;
  table: string;
  stats: StatsShards;
}

/** A request CountAPI answers with a 4xx: the message becomes `{"error": message}`. */
export class CountapiRequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CountapiRequestError';
  }
}

const table = tableName();
const statsFlushIntervalMs = 10_000;
export const countapiStats = new StatsShards(documentClient, () => table, statsFlushIntervalMs);

const transparentGif = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

type Format = { kind: 'json' } | { kind: 'jsonp'; callback: string } | { kind: 'gif' };

/** `?img` wins over `?callback`; an invalid callback is refused in plain JSON (it cannot be trusted as code). */
const formatOf = (event: APIGatewayProxyEventV2): Format => {
  const query = event.queryStringParameters ?? {};
  if (query.img !== undefined) return { kind: 'gif' };
  if (query.callback === undefined) return { kind: 'json' };
  const callback = jsonpCallback.safeParse(query.callback);
  if (!callback.success) throw new CountapiRequestError(400, callback.error.issues[0]!.message);
  return { kind: 'jsonp', callback: callback.data };
};

const safeFormatOf = (event: APIGatewayProxyEventV2): Format => {
  try {
    return formatOf(event);
  } catch {
    return { kind: 'json' };
  }
};

const render = (format: Format, answer: CountapiAnswer): APIGatewayProxyStructuredResultV2 => {
  const headers: Record<string, string> = {
    // Every origin, unless the deployment narrows it (lambdas/shared/route-handler.ts).
    'Access-Control-Expose-Headers': 'X-Path, Retry-After',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(answer.path ? { 'X-Path': answer.path } : {}),
    ...answer.headers,
  };
  switch (format.kind) {
    case 'gif':
      // Tracking pixels must render whatever happened, so the image is always a 200.
      return { statusCode: 200, headers: { ...headers, 'Content-Type': 'image/gif' }, body: transparentGif, isBase64Encoded: true };
    case 'jsonp':
      // JSONP never fails at the HTTP level (a failed script load tells the page nothing): the real status travels in the body.
      return {
        statusCode: 200,
        headers: { ...headers, 'Content-Type': 'application/javascript; charset=utf-8' },
        body: `${format.callback}(${JSON.stringify({ ...answer.body, status: answer.statusCode })});`,
      };
    case 'json':
      return {
        statusCode: answer.statusCode,
        headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(answer.body),
      };
  }
};

const answerFor = (error: unknown): CountapiAnswer => {
  if (error instanceof CountapiRequestError) return { statusCode: error.statusCode, body: { error: error.message } };
  if (error instanceof CreationRateLimitedError) {
    businessMetrics.rateLimited();
    return { statusCode: 429, body: { error: error.message }, headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  }
  if (isServiceUnavailable(error)) {
    logger.warn('DynamoDB unavailable', { errorName: (error as Error).name });
    return { statusCode: 503, body: { error: 'Service temporarily unavailable, please retry' }, headers: { 'Retry-After': '1' } };
  }
  logger.error('Unexpected failure', error as Error);
  return { statusCode: 500, body: { error: 'Internal server error' } };
};

/**
 * Parses path parameters and query string together, after the reserved words are resolved. A
 * counter named by the path (`/hit/{key}`, `/hit/{namespace}/{key}`) is named by the path alone:
 * `/hit/{key}?namespace=victim.example` counts in `default`, never in `victim.example`.
 */
const parseRequest = <Schema extends z.ZodType>(schema: Schema, event: APIGatewayProxyEventV2): z.output<Schema> => {
  const { namespace: _namespace, key: _key, ...options } = event.queryStringParameters ?? {};
  const input: Record<string, string | undefined> = event.pathParameters?.key === undefined ? { ...event.queryStringParameters } : { ...options, ...event.pathParameters };
  const illFormed = illFormedPath(input);
  if (illFormed !== undefined) throw new CountapiRequestError(400, illFormedMessage(illFormed));
  input.namespace = resolveReservedWords(input.namespace, event.headers);
  input.key = resolveReservedWords(input.key, event.headers);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CountapiRequestError(400, parsed.error.issues[0]!.message);
  return parsed.data;
};

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error>;

/** Counts the request and flushes the statistics alongside (not after) the route's own DynamoDB call. */
const statistics = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => {
  const flushes = new WeakMap<APIGatewayProxyEventV2, Promise<void>>();
  const settle = async (request: Request) => {
    await flushes.get(request.event);
  };
  return {
    before: (request) => {
      countapiStats.record({ requests: 1 });
      const flush = countapiStats.flushIfDue(clock.now());
      if (flush) flushes.set(request.event, flush);
    },
    after: settle,
    onError: settle,
  };
};

/** Registered last: it runs first when anything fails, and turns every failure into a CountAPI answer. */
const errorAnswers = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    request.response = render(safeFormatOf(request.event), answerFor(request.error));
  },
});

/** Builds a CountAPI route handler from the route's request schema and its operation. */
export const countapiRoute = <Schema extends z.ZodType>(
  requestSchema: Schema,
  operation: (request: z.output<Schema>, context: CountapiContext) => Promise<CountapiAnswer>,
) =>
  routeHandler(
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
      .use(statistics())
      .use(errorAnswers())
      .handler(async (event) => {
        const format = formatOf(event);
        const request = parseRequest(requestSchema, event);
        const answer = await operation(request, { event, nowMs: clock.now(), table, stats: countapiStats });
        return render(format, answer);
      }),
  );

/** X-Path names the counter actually used, after defaults and reserved words. */
export const xPath = ({ namespace, key }: { namespace: string; key: string }) => `${namespace}/${key}`;
