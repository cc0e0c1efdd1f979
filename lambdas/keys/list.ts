import { listApiKeys } from '../shared/api-keys.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.list, async (page, { caller, table }) => {
  const { items, nextCursor } = await listApiKeys(documentClient, table, caller.ownerId, page);
  return { statusCode: 200, body: { keys: items, nextCursor } };
});
