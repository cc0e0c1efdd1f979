import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { clock } from '../shared/clock.ts';
import { isServiceUnavailable } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { CreationRateLimitedError } from '../shared/public-creation.ts';
import { routeHandler } from '../shared/route-handler.ts';
import { tableName } from '../shared/table.ts';
import { illFormedMessage, illFormedPath } from '../shared/well-formed.ts';
import type { HitCounts } from './hit-store.ts';
import { hitImageRequest, hitRequest, type HitRequest } from './schemas.ts';
import { renderCounter, renderError } from './svg/render.ts';

/**
 * What the hit routes share: the format suffix (`.json`, the default, or `.svg`), request parsing
 * with the format's schema, the headers every answer carries (no caching anywhere, CORS), the
 * rendering of counts as JSON or as an image, and the mapping of failures to `{"error": ...}`
 * answers, or for images to an error image with the same status.
 */

export interface HitsContext {
  event: APIGatewayProxyEventV2;
  nowMs: number;
  table: string;
}

/** A request answered with a 400: the message becomes `{"error": message}` (or the error image's text). */
export class HitsRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HitsRequestError';
  }
}

const table = tableName();

type Format = 'json' | 'svg';
const formatSuffix = /\.(json|svg)$/;

/** The suffix of the path's last segment: on `/hits/{id}` (no resource) an `.svg` still asks for an image. */
const formatOf = (event: APIGatewayProxyEventV2): Format => {
  const { id, resource } = event.pathParameters ?? {};
  return formatSuffix.exec(resource ?? id ?? '')?.[1] === 'svg' ? 'svg' : 'json';
};

/**
 * Counting answers must never come from a cache: not the browser's, not a proxy's, not GitHub's
 * image proxy. `Pragma` and a past `Expires` are for HTTP/1.0 caches. No ETag or Last-Modified is
 * ever sent, so no conditional request can turn into a 304.
 */
const commonHeaders = {
  // Every origin, unless the deployment narrows it (lambdas/shared/route-handler.ts).
  'Access-Control-Expose-Headers': 'Retry-After',
  'Cache-Control': 'max-age=0, no-cache, no-store, must-revalidate',
  Pragma: 'no-cache',
  Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
  'X-Content-Type-Options': 'nosniff',
};

/** An SVG is a document that could run script if opened directly: this forbids everything but its inline styles. */
const svgHeaders = {
  'Content-Type': 'image/svg+xml; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
};

const jsonAnswer = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...commonHeaders, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

const svgAnswer = (statusCode: number, svg: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...commonHeaders, ...svgHeaders, ...headers },
  body: svg,
});

const failureOf = (error: unknown): { statusCode: number; message: string; headers?: Record<string, string> } => {
  if (error instanceof HitsRequestError) return { statusCode: 400, message: error.message };
  if (error instanceof CreationRateLimitedError) {
    businessMetrics.rateLimited();
    return { statusCode: 429, message: error.message, headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  }
  if (isServiceUnavailable(error)) {
    logger.warn('DynamoDB unavailable', { errorName: (error as Error).name });
    return { statusCode: 503, message: 'Service temporarily unavailable, please retry', headers: { 'Retry-After': '1' } };
  }
  logger.error('Unexpected failure', error as Error);
  return { statusCode: 500, message: 'Internal server error' };
};

/** Registered last: it runs first when anything fails, and answers in the format the request asked for. */
const errorAnswers = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const { statusCode, message, headers } = failureOf(request.error);
    request.response =
      formatOf(request.event) === 'svg' ? svgAnswer(statusCode, renderError(message), headers) : jsonAnswer(statusCode, { error: message }, headers);
  },
});

const parse = <Schema extends z.ZodType>(schema: Schema, event: APIGatewayProxyEventV2): z.output<Schema> => {
  const { id, resource } = event.pathParameters ?? {};
  const input = { ...event.queryStringParameters, id, resource: resource?.replace(formatSuffix, '') };
  const illFormed = illFormedPath(input);
  if (illFormed !== undefined) throw new HitsRequestError(illFormedMessage(illFormed));
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HitsRequestError(parsed.error.issues[0]!.message);
  return parsed.data;
};

/** Builds the hit route's handler from its operation, which counts (or reads) and returns the numbers. */
export const hitsRoute = (operation: (request: HitRequest, context: HitsContext) => Promise<HitCounts>) =>
  routeHandler(
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
      .use(errorAnswers())
      .handler(async (event) => {
        const context = { event, nowMs: clock.now(), table };
        if (formatOf(event) === 'json') return jsonAnswer(200, await operation(parse(hitRequest, event), context));
        const request = parse(hitImageRequest, event);
        return svgAnswer(200, renderCounter(await operation(request, context), request));
      }),
  );
