import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonAnswer } from '../shared/private-api.ts';
import { routeHandler } from '../shared/route-handler.ts';

/** `GET /health`: the API answers at all (no dependencies checked; see /v1/health). */
export const handler = routeHandler(async (): Promise<APIGatewayProxyStructuredResultV2> => jsonAnswer({ statusCode: 200, body: { status: 'ok' } }));
