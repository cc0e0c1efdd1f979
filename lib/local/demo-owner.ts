import { createApiKey, createOwner, type CreatedApiKey } from '../../lambdas/shared/api-keys.ts';
import { createDocumentClient } from '../../lambdas/shared/document-client.ts';
import { conditionalPut } from '../../lambdas/shared/dynamodb/conditional.ts';
import { localDemoOwnerMarkerKey } from '../../lambdas/shared/keys.ts';
import { table } from '../../lambdas/shared/table-keys.ts';

export interface DemoOwner {
  ownerId: string;
  adminKey: CreatedApiKey;
  useKey: CreatedApiKey;
}

/**
 * On the first start against a database, creates a demo owner with an admin key and a use key,
 * so the private API can be tried at once. A marker item in the table (not a file) records that it
 * happened, so a fresh database gets a fresh demo owner. Keys exist only as hashes afterwards:
 * they are shown once, by the caller.
 */
export const createDemoOwnerOnFirstStart = async (endpoint: string, tableName: string, { plan, nowMs }: { plan: string; nowMs: number }): Promise<DemoOwner | undefined> => {
  const client = createDocumentClient(endpoint);
  try {
    const firstStart = await conditionalPut(client, {
      TableName: tableName,
      Item: { ...localDemoOwnerMarkerKey, createdAt: nowMs },
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': table.partitionKey },
    });
    if (!firstStart.applied) return undefined;
    const { owner, adminKey } = await createOwner(client, tableName, { name: 'demo', plan, nowMs });
    const useKey = await createApiKey(client, tableName, { ownerId: owner.ownerId, kind: 'use', name: 'demo', nowMs });
    return { ownerId: owner.ownerId, adminKey, useKey };
  } finally {
    client.destroy();
  }
};
