import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { listOverrides } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.listOverrides, async ({ metric, ...page }, { caller, table }) => {
  const { items, nextCursor } = await listOverrides(documentClient, table, caller.ownerId, metric, page);
  return { statusCode: 200, body: { overrides: items, nextCursor } };
});
