import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createRouter } from '../lib/local/api-gateway.ts';
import { routes } from '../lib/routes.ts';
import { routeHandler } from './shared/route-handler.ts';

/**
 * Answers what no other route does: CORS preflights (`OPTIONS /{proxy+}`) for every route, and
 * requests no route takes (`$default`), where API Gateway alone would answer without CORS headers:
 * a path some route serves with other methods is `405` with `Allow`, anything else `404`, each in
 * the error shape of the path's family. The allowed origin, as on every route, comes from routeHandler.
 */
const allowedHeaders = 'Authorization, Content-Type, Idempotency-Key, requiems-api-key';
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

// API Gateway's own route selection (the local server's too), over every route but this one.
const selectRoute = createRouter(routes.filter(({ id }) => id !== 'fallback'));
const allowedMethods = (path: string) => methods.filter((method) => selectRoute(method, path) !== undefined);

const errorBody = (path: string, status: 404 | 405) => {
  const [code, message] = status === 404 ? ['not_found', 'Not Found'] : ['method_not_allowed', 'Method Not Allowed'];
  if (path.startsWith('/v1/misc/')) return { error: code, message }; // Requiems' flat shape
  if (path === '/v1' || path.startsWith('/v1/')) return { error: { code, message } };
  return { error: message }; // CountAPI's, and the hit counters'
};

export const handler = routeHandler(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
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
  const path = event.rawPath;
  const allowed = allowedMethods(path);
  const status = allowed.length > 0 ? 405 : 404;
  return {
    statusCode: status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(status === 405 ? { Allow: [...allowed, 'OPTIONS'].join(', ') } : {}),
    },
    body: JSON.stringify(errorBody(path, status)),
  };
});
