import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routeHandler } from './shared/route-handler.ts';

/**
 * Answers what no other route does: CORS preflights (`OPTIONS /{proxy+}`) for every route, and a
 * JSON 404 with CORS headers for unknown paths (`$default`), where API Gateway alone would answer
 * without them.
 */
const allowedHeaders = 'Authorization, Content-Type, Idempotency-Key, requiems-api-key';

export const handler = routeHandler(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  // Every origin, unless the deployment narrows it (lambdas/shared/route-handler.ts).
  const allowOrigin = { 'Access-Control-Allow-Origin': '*' };
  if (event.requestContext.http.method === 'OPTIONS') {
    return {
      statusCode: 204,
      headers: {
        ...allowOrigin,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': event.headers['access-control-request-headers'] ?? allowedHeaders,
        'Access-Control-Expose-Headers': 'X-Path, Retry-After',
        'Access-Control-Max-Age': '86400',
      },
    };
  }
  return {
    statusCode: 404,
    headers: { 'Content-Type': 'application/json', ...allowOrigin, 'Cache-Control': 'no-store' },
    body: JSON.stringify({ error: 'Not Found' }),
  };
});
