import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routeHandler } from './shared/route-handler.ts';

/**
 * Answers what no other route does: CORS preflights (`OPTIONS /{proxy+}`) for every route, and a
 * JSON 404 with CORS headers for unknown paths (`$default`), where API Gateway alone would answer
 * without them. The allowed origin, as on every route, comes from routeHandler.
 */
const allowedHeaders = 'Authorization, Content-Type, Idempotency-Key, requiems-api-key';

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
  return {
    statusCode: 404,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    body: JSON.stringify({ error: 'Not Found' }),
  };
});
