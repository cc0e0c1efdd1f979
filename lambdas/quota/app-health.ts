import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonAnswer } from '../shared/private-api.ts';

/** `GET /health`: the API answers at all (no dependencies checked; see /v1/health). */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => jsonAnswer({ statusCode: 200, body: { status: 'ok' } });
