import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createRouter, decodeLeniently } from './shared/http/route-selection.ts';
import { config } from './shared/config.ts';
import { edge, jsonErrors } from './shared/http/edge.ts';
import { messageErrorShape, requiemsErrorShape, v1ErrorShape } from './shared/http/error-shapes.ts';
import { RequestError } from './shared/http/request-error.ts';

/**
 * Answers what no other route does: CORS preflights (`OPTIONS /{proxy+}`) for every route, and
 * requests no route takes (`$default`), where API Gateway alone would answer without CORS headers:
 * a path some route serves with other methods is `405` with `Allow`, anything else `404`, each in
 * the error shape of the path's family. The allowed origin, as on every route, comes from routeHandler.
 * A page asked for with a trailing slash (`/console/`, as people type it) is redirected to its route:
 * API Gateway cannot hold a route key ending in `/`.
 */
const allowedHeaders = 'Authorization, Content-Type, Idempotency-Key, requiems-api-key';
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

// API Gateway's own route selection (the local server's too), over every route but this one.
const selectRoute = createRouter(Object.entries(config.routeMethods).map(([path, methods]) => ({ routeKeys: methods.map((method) => `${method} ${path}`) })));
const allowedMethods = (path: string) => methods.filter((method) => selectRoute(method, path) !== undefined);

const errorShapeOf = (path: string) => {
  if (path.startsWith('/v1/misc/')) return requiemsErrorShape;
  if (path === '/v1' || path.startsWith('/v1/')) return v1ErrorShape;
  return messageErrorShape; // CountAPI's, and the hit counters'
};

export const handler = edge({ answerError: (error, event) => jsonErrors(errorShapeOf(event.rawPath))(error, event) }, async (event): Promise<APIGatewayProxyStructuredResultV2> => {
  if (event.requestContext.http.method === 'OPTIONS') {
    return {
      statusCode: 204,
      headers: {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': event.headers['access-control-request-headers'] ?? allowedHeaders,
        'Access-Control-Expose-Headers': 'X-Path, Retry-After',
        'Access-Control-Max-Age': '86400',
      },
    };
  }
  const { method } = event.requestContext.http;
  const withoutSlash = event.rawPath.replace(/(.)\/$/, '$1');
  if ((method === 'GET' || method === 'HEAD') && withoutSlash !== event.rawPath && selectRoute(method, withoutSlash)) {
    // Relative, so that it holds under a custom domain's base path too: `/console/` + `../console`.
    // Encoded whatever the path held: a header carries ASCII only.
    const lastSegment = encodeURIComponent(decodeLeniently(withoutSlash.slice(withoutSlash.lastIndexOf('/') + 1)));
    const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
    return { statusCode: 308, headers: { Location: `../${lastSegment}${query}` } };
  }
  const allowed = allowedMethods(event.rawPath);
  if (allowed.length > 0) throw new RequestError(405, 'method_not_allowed', 'Method Not Allowed', undefined, { Allow: [...allowed, 'OPTIONS'].join(', ') });
  throw new RequestError(404, 'not_found', 'Not Found');
});
