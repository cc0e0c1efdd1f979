import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Every response Incr sends, in one place: the content types, and the security and cache headers
 * each kind of answer needs. The allowed origin is not here: routeHandler sets it on every answer
 * from the deployment's CORS policy.
 */

type Headers = Record<string, string>;

/** Answers that name a counter must never come from a cache. */
export const noStore: Headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Counting answers of the hit counters must not come from any cache: not the browser's, not a
 * proxy's, not GitHub's image proxy. `Pragma` and a past `Expires` are for HTTP/1.0 caches. No ETag
 * or Last-Modified is ever sent, so no conditional request can turn into a 304.
 */
export const neverCached: Headers = {
  'Cache-Control': 'max-age=0, no-cache, no-store, must-revalidate',
  Pragma: 'no-cache',
  Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
  'X-Content-Type-Options': 'nosniff',
};

export const json = (statusCode: number, body: unknown, headers: Headers = noStore): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** JSONP never fails at the HTTP level (a failed script load tells the page nothing): the real status travels in the body. */
export const jsonp = (callback: string, statusCode: number, body: Record<string, unknown>, headers: Headers): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/javascript; charset=utf-8', ...headers },
  body: `${callback}(${JSON.stringify({ ...body, status: statusCode })});`,
});

const transparentGif = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Tracking pixels must render whatever happened, so the image is always a 200. */
export const gif = (headers: Headers): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: { 'Content-Type': 'image/gif', ...headers },
  body: transparentGif,
  isBase64Encoded: true,
});

/** An SVG is a document that could run script if opened directly: the policy forbids everything but its inline styles. */
export const svg = (statusCode: number, image: string, headers: Headers): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", ...headers },
  body: image,
});

type Directive = 'script-src' | 'style-src' | 'img-src' | 'font-src' | 'connect-src';

/**
 * The Content-Security-Policy of every page: only this origin's files run, style or load; the page
 * may read this API and show its images (`data:` ones too); nothing is framed, submitted or
 * embedded. A page adds the sources it must have (a hashed inline script, inline styles, fonts).
 */
export const pagePolicy = (extra: Partial<Record<Directive, readonly string[]>> = {}): string => {
  const directives: [string, readonly string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", ...(extra['script-src'] ?? [])]],
    ['style-src', ["'self'", ...(extra['style-src'] ?? [])]],
    ['img-src', ["'self'", 'data:', ...(extra['img-src'] ?? [])]],
    ['font-src', extra['font-src'] ?? []],
    ['connect-src', ["'self'", ...(extra['connect-src'] ?? [])]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives
    .filter(([, sources]) => sources.length > 0)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
};

/**
 * A page: its own Content-Security-Policy (each page knows what it loads), never framed, and
 * revalidated on every visit so that it always names the current asset URLs.
 */
export const html = (body: string, contentSecurityPolicy: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  },
  body,
});

/**
 * A static file at a URL named by its content's hash: cached for a year and never revalidated,
 * since another content gets another URL. Sent gzipped (API Gateway passes `Content-Encoding`
 * through), which keeps the base64 body far below Lambda's 6 MB answer limit. The policy forbids
 * everything, should a script or stylesheet be opened as a document.
 */
export const immutableAsset = (contentType: string, gzipped: Buffer): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: {
    'Content-Type': contentType,
    'Content-Encoding': 'gzip',
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
  },
  body: gzipped.toString('base64'),
  isBase64Encoded: true,
});
