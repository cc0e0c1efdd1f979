import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/dynamodb.ts';
import { v1ErrorShape } from '../shared/http/error-shapes.ts';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { json } from '../shared/http/responses.ts';
import { logger } from '../shared/logger.ts';
import { table, tableName } from '../shared/table.ts';

const name = tableName();

/**
 * `GET /v1/health`: the API and its DynamoDB table answer (one strongly consistent read of a probe
 * key). A failed probe is this route's documented answer, `500 {"status":"error"}`, whatever the
 * cause (throttling included): monitors key on "200 or not", and this keeps the shape they parse.
 */
export const handler = edge({ answerError: jsonErrors(v1ErrorShape) }, async () => {
  try {
    await documentClient.send(
      new GetCommand({ TableName: name, Key: { [table.partitionKey]: 'health#probe', [table.sortKey]: 'probe' }, ConsistentRead: true }),
    );
    return json(200, { status: 'ok' });
  } catch (error) {
    logger.error('Health check failed', error as Error);
    return json(500, { status: 'error' });
  }
});
