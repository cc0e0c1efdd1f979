import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import type { KeyKind, VerifiedKey } from './api-keys.ts';
import { authenticate, AuthenticationError, presentedKey } from './authenticate.ts';
import { clock } from './clock.ts';
import { documentClient } from './dynamodb.ts';
import { isServiceUnavailable } from './errors.ts';
import { logger } from './logger.ts';
import { routeHandler } from './route-handler.ts';
import { tableName } from './table.ts';
import { illFormedMessage, illFormedPath } from './well-formed.ts';

/**
 * What every route behind an API key shares (private counters, the namespace counter, key
 * management, quotas): authentication, JSON in and out, request parsing with the route's zod
 * schema, and the sorting of failures into one `ApiError`. Each family only decides how an
 * ApiError looks on the wire (`formatError`).
 */

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    /**
     * Machine-readable: validation_error, invalid_json, unsupported_media_type, unauthorized,
     * forbidden, not_found, method_not_allowed, service_unavailable, internal_error.
     */
    readonly code: string,
    message: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Answer {
  statusCode: number;
  body?: unknown;
}

export interface PrivateContext {
  event: APIGatewayProxyEventV2;
  caller: VerifiedKey;
  nowMs: number;
  table: string;
}

export interface PrivateRouteOptions<Schema extends z.ZodType> {
  keyKind: KeyKind;
  schema: Schema;
  /** The family's wire format of an error. */
  formatError: (error: ApiError) => unknown;
  /** A header that may carry the key instead of `Authorization: Bearer`. */
  keyHeader?: string;
}

const table = tableName();

export const jsonAnswer = ({ statusCode, body }: Answer, extraHeaders?: Record<string, string>): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: {
    'Content-Type': 'application/json; charset=utf-8',
    // Every origin, unless the deployment narrows it (route-handler.ts).
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** Every failure as an ApiError; unexpected ones are logged here and never shown to the caller. */
export const apiErrorOf = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error;
  if (error instanceof AuthenticationError) {
    return new ApiError(error.statusCode, error.statusCode === 401 ? 'unauthorized' : 'forbidden', error.message);
  }
  if (isServiceUnavailable(error)) {
    logger.warn('DynamoDB unavailable', { errorName: (error as Error).name });
    return new ApiError(503, 'service_unavailable', 'Service temporarily unavailable, please retry', undefined, { 'Retry-After': '1' });
  }
  logger.error('Unexpected failure', error as Error);
  return new ApiError(500, 'internal_error', 'Internal server error');
};

/** Registered last: it runs first when anything fails. */
const errorAnswers = (
  formatError: (error: ApiError) => unknown,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const error = apiErrorOf(request.error);
    request.response = jsonAnswer({ statusCode: error.statusCode, body: formatError(error) }, error.headers);
  },
});

const jsonContentType = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

const parseJsonBody = (event: APIGatewayProxyEventV2): Record<string, unknown> => {
  if (!event.body) return {};
  if (!jsonContentType.test(event.headers['content-type'] ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'The request body must be JSON, sent with Content-Type: application/json');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, 'invalid_json', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
};

/** zod issues as one message per field (countr's `details`); the first one is the message. */
export const validationError = (error: z.ZodError): ApiError => {
  const details: Record<string, string> = {};
  for (const issue of error.issues) details[issue.path.join('.') || 'request'] ??= issue.message;
  return new ApiError(400, 'validation_error', error.issues[0]!.message, details);
};

/**
 * A request's input, for the route's schema: path parameters and, for methods that carry a body
 * (POST, PUT, PATCH), the JSON body; for the others, the query string. A body field never comes
 * from the query string (`POST /v1/keys?kind=admin` must not make an admin key), and path
 * parameters win over both.
 */
const inputOf = (event: APIGatewayProxyEventV2): Record<string, unknown> => {
  const carriesBody = ['POST', 'PUT', 'PATCH'].includes(event.requestContext.http.method);
  const input = { ...(carriesBody ? parseJsonBody(event) : event.queryStringParameters), ...event.pathParameters };
  const illFormed = illFormedPath(input);
  if (illFormed !== undefined) throw new ApiError(400, 'validation_error', illFormedMessage(illFormed), { [illFormed]: illFormedMessage(illFormed) });
  return input;
};

/**
 * Builds the handler of a route behind an API key: authenticate, then parse the request's input
 * (inputOf) with the route's schema, then run the operation. Authentication comes first, so
 * callers without a key learn nothing about the route.
 */
export const privateRoute = <Schema extends z.ZodType>(
  { keyKind, schema, formatError, keyHeader }: PrivateRouteOptions<Schema>,
  operation: (request: z.output<Schema>, context: PrivateContext) => Promise<Answer>,
) =>
  routeHandler(
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
      .use(errorAnswers(formatError))
      .handler(async (event) => {
        const caller = await authenticate(documentClient, table, presentedKey(event, keyHeader), keyKind);
        const parsed = schema.safeParse(inputOf(event));
        if (!parsed.success) throw validationError(parsed.error);
        return jsonAnswer(await operation(parsed.data, { event, caller, nowMs: clock.now(), table }));
      }),
  );

/** countr's error shape, used by every `/v1` route except the Requiems-compatible one. */
export const v1ErrorFormat = ({ code, message, details }: ApiError) => ({ error: { code, message, ...(details ? { details } : {}) } });

/** A `/v1` route: countr's error shape, key in `Authorization: Bearer`. */
export const v1Route = <Schema extends z.ZodType>(
  options: { keyKind: KeyKind; schema: Schema },
  operation: (request: z.output<Schema>, context: PrivateContext) => Promise<Answer>,
) => privateRoute({ ...options, formatError: v1ErrorFormat }, operation);
