import { ensureTable, startDynamoDbLocal } from '../lib/local/dynamodb-local.ts';

/**
 * DynamoDB Local with the benchmark's table, and the environment the functions read, set in this
 * process before any function module loads (they read it when they load). The caller stops it.
 */
export const startBenchTable = async (tableName: string, environment: Record<string, string>) => {
  const dynamodb = await startDynamoDbLocal();
  try {
    await ensureTable(dynamodb.endpoint, tableName);
  } catch (error) {
    await dynamodb.stop();
    throw error;
  }
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamodb.endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'us-east-1',
    IP_HASH_SECRET: 'bench-ip-hash-secret',
    INCR_VERSION: 'bench',
    ...environment,
  });
  return dynamodb;
};
