import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';

/**
 * A DynamoDB document client. With an endpoint (DynamoDB Local) it uses dummy credentials and the
 * configured region, so local work can never reach AWS; without, the SDK's default region and
 * credentials. Kept apart from the handlers' shared client (dynamodb.ts) so that tools importing
 * this factory (the CLI) do not create that client, which needs a function's environment.
 */
export const createDocumentClient = (endpoint?: string): DynamoDBDocumentClient => {
  const client = new DynamoDBClient(
    endpoint
      ? { endpoint, region: config.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
      : {},
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
};
