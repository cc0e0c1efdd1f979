/**
 * What API Gateway (HTTP API, Lambda proxy integration, payload format 2.0) does around a
 * function: route selection, the event it sends, and how it turns the function's answer into an
 * HTTP response. Pure, so the local server's fidelity is unit-tested without sockets.
 *
 * Sources: the API Gateway developer guide ("Create routes for HTTP APIs", "Create AWS Lambda
 * proxy integrations for HTTP APIs") and, where the guide is silent or wrong, the behaviour that
 * AWS's own emulator (aws-lambda-dotnet, LambdaTestTool-v2) checks against real API Gateway.
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

// ---------------------------------------------------------------------------------------------
// Routing: API Gateway's route selection lives with the functions, since the fallback route uses it too.

export { createRouter, type RouteMatch } from '../../lambdas/shared/http/route-selection.ts';
import { decodeLeniently, type RouteMatch } from '../../lambdas/shared/http/route-selection.ts';

// ---------------------------------------------------------------------------------------------
// Request -> event

/** One HTTP request as the local server received it. */
export interface ReceivedRequest {
  method: string;
  /** The request target as sent: path and optional query string, still percent-encoded. */
  url: string;
  /** Header lines in arrival order, names as sent; repeated headers stay separate entries. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  body: Buffer;
  /** The TCP peer's address: the only trustworthy client address. */
  remoteAddress: string;
  /** The port the client connected to (API Gateway reports it as `x-forwarded-port`). */
  localPort: number;
}

/**
 * Body media types API Gateway hands over as text. Everything else, a body without a
 * content-type included, arrives base64-encoded with `isBase64Encoded: true`.
 */
const isTextual = (contentType: string | undefined): boolean => {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  if (!mediaType) return false;
  return (
    mediaType.startsWith('text/') ||
    ['application/json', 'application/xml', 'application/javascript', 'application/x-www-form-urlencoded'].includes(mediaType) ||
    /^application\/[^/]+\+(json|xml)$/.test(mediaType)
  );
};

/** API Gateway request ids look like `JKJaXmPLvHcESHA=`: 15 URL-safe characters and `=`. */
export const newRequestId = (): string => `${randomBytes(12).toString('base64url').slice(0, 15)}=`;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (value: number) => String(value).padStart(2, '0');

/** API Gateway's `requestContext.time`, e.g. `12/Mar/2020:19:03:58 +0000` (always UTC). */
export const formatRequestTime = (date: Date): string =>
  `${twoDigits(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
  `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())} +0000`;

/** Node reports IPv4 clients of a dual-stack socket as `::ffff:a.b.c.d`; API Gateway says `a.b.c.d`. */
export const normalizeIp = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

const collectHeaders = (received: ReceivedRequest['headers']) => {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [rawName, value] of received) {
    const name = rawName.toLowerCase();
    if (name === 'cookie') {
      cookies.push(...value.split(';').map((cookie) => cookie.trim()).filter(Boolean));
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
};

const parseQueryString = (rawQueryString: string): Record<string, string> | undefined => {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
};

/**
 * Builds the payload format 2.0 event API Gateway would send for this request and route.
 * Like API Gateway: header names lower-cased and repeats joined with commas; the Cookie header
 * moved to `cookies`; query parameters decoded and repeats joined with commas; `rawPath` and
 * `http.path` decoded (observed on real API Gateway, unlike what `raw` suggests); the client
 * address appended to `x-forwarded-for` and used as `sourceIp`, never read from that header.
 */
export const toEvent = (
  request: ReceivedRequest,
  match: Pick<RouteMatch<unknown>, 'routeKey' | 'pathParameters'>,
  { now = new Date(), requestId = newRequestId() }: { now?: Date; requestId?: string } = {},
): APIGatewayProxyEventV2 => {
  const queryStart = request.url.indexOf('?');
  const encodedPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  // Decoding per segment keeps an encoded slash (%2F) from turning into a path separator.
  const path = encodedPath
    .split('/')
    .map((segment) => decodeLeniently(segment).replaceAll('/', '%2F'))
    .join('/');

  const { headers, cookies } = collectHeaders(request.headers);
  const sourceIp = normalizeIp(request.remoteAddress);
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(request.localPort);

  const domainName = headers.host ?? 'localhost';
  const textual = isTextual(headers['content-type']);
  const hasBody = request.body.length > 0;

  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: path,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    queryStringParameters: parseQueryString(rawQueryString),
    pathParameters: match.pathParameters,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split(/[.:]/)[0],
      http: {
        method: request.method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: match.routeKey,
      stage: '$default',
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
    },
    body: hasBody ? request.body.toString(textual ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: hasBody && !textual,
  };
};

// ---------------------------------------------------------------------------------------------
// Lambda result -> response

export interface GatewayResponse {
  statusCode: number;
  /** Lower-cased names; `set-cookie` is the only list. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const gatewayMessages = { 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' } as const;

/** The JSON answers API Gateway gives on its own: no route (404), a failed integration (500), a timeout (503). */
export const gatewayError = (statusCode: keyof typeof gatewayMessages): GatewayResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message: gatewayMessages[statusCode] })),
});

/** What a function invocation produced: its return value, or what it threw (or rejected with). */
export type InvocationOutcome = { result: unknown } | { error: unknown };

/** Hop-by-hop and framing headers are the server's business, not the function's. */
const framingHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isHeaderValue = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

const structuredResponse = (result: Record<string, unknown>): GatewayResponse | undefined => {
  // Handlers often write `null` for a field they leave out (`body: null`): treat it as absent.
  const { statusCode, body } = result;
  const headers = result.headers ?? {};
  const cookies = result.cookies ?? [];
  const isBase64Encoded = result.isBase64Encoded ?? false;
  const valid =
    Number.isInteger(statusCode) &&
    (statusCode as number) >= 100 &&
    (statusCode as number) <= 599 &&
    isPlainObject(headers) &&
    Object.values(headers).every(isHeaderValue) &&
    Array.isArray(cookies) &&
    cookies.every((cookie) => typeof cookie === 'string') &&
    (body === undefined || body === null || typeof body === 'string') &&
    typeof isBase64Encoded === 'boolean';
  if (!valid) return undefined;

  const responseHeaders: GatewayResponse['headers'] = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!framingHeaders.has(name.toLowerCase())) responseHeaders[name.toLowerCase()] = String(value);
  }
  if (cookies.length > 0) {
    const fromHeaders = responseHeaders['set-cookie'];
    responseHeaders['set-cookie'] = [...(fromHeaders === undefined ? [] : [fromHeaders].flat()), ...(cookies as string[])];
  }
  const bodyBuffer = typeof body === 'string' ? Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (bodyBuffer.length > 0) responseHeaders['content-type'] ??= 'text/plain; charset=utf-8';
  return { statusCode: statusCode as number, headers: responseHeaders, body: bodyBuffer };
};

/**
 * Translates a function's outcome into API Gateway's response for payload format 2.0:
 * - the value first goes through JSON, as the Lambda runtime sends it (undefined properties
 *   vanish, Dates become strings; an unserialisable value is a function error);
 * - an object with a `statusCode` is a structured response: status, headers (a body without a
 *   content-type is served as `text/plain; charset=utf-8`), `cookies` as one Set-Cookie each,
 *   body base64-decoded when `isBase64Encoded`; if any field is invalid, 500;
 * - anything else is the body of a 200 `application/json` response: a string as is, any other
 *   value as its JSON text;
 * - a thrown error is API Gateway's 500 `{"message":"Internal Server Error"}`.
 */
export const fromResult = (outcome: InvocationOutcome): GatewayResponse => {
  if ('error' in outcome) return gatewayError(500);
  let payload: unknown;
  try {
    payload = JSON.parse(JSON.stringify(outcome.result ?? null));
  } catch {
    return gatewayError(500);
  }
  if (isPlainObject(payload) && 'statusCode' in payload) return structuredResponse(payload) ?? gatewayError(500);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
  };
};
