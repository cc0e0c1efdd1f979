import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A DynamoDB document client. With an endpoint (DynamoDB Local) it uses dummy credentials and a
 * fixed region, so local work can never reach AWS; without, the SDK's default region and credentials.
 * Kept apart from the handlers' shared client (dynamodb.ts) so that tools importing this factory
 * do not create that client before its configuration is in place.
 */
export const createDocumentClient = (endpoint?: string): DynamoDBDocumentClient => {
  const client = new DynamoDBClient(
    endpoint
      ? { endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
      : {},
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
};
