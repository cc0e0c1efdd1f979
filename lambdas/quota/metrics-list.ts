import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { listMetrics } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.listMetrics, async (page, { caller, table }) => {
  const { items, nextCursor } = await listMetrics(documentClient, table, caller.ownerId, page);
  return { statusCode: 200, body: { metrics: items, nextCursor } };
});
