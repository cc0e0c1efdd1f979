import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/dynamodb.ts';
import { logger } from '../shared/logger.ts';
import { jsonAnswer } from '../shared/private-api.ts';
import { routeHandler } from '../shared/route-handler.ts';
import { table, tableName } from '../shared/table.ts';

const name = tableName();

/** `GET /v1/health`: the API and its DynamoDB table answer (one strongly consistent read of a probe key). */
export const handler = routeHandler(async (): Promise<APIGatewayProxyStructuredResultV2> => {
  try {
    await documentClient.send(
      new GetCommand({ TableName: name, Key: { [table.partitionKey]: 'health#probe', [table.sortKey]: 'probe' }, ConsistentRead: true }),
    );
    return jsonAnswer({ statusCode: 200, body: { status: 'ok' } });
  } catch (error) {
    logger.error('Health check failed', error as Error);
    return jsonAnswer({ statusCode: 500, body: { status: 'error' } });
  }
});
