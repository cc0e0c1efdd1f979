import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../lib/local/dynamodb-local.ts';

// The SDK's warning about Node versions it will drop is noise here: the suite runs on Node 24 (.nvmrc), as the functions do in AWS.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** One in-memory DynamoDB Local for the whole run; each test file gets its own table (test/setup.ts). */
export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}
