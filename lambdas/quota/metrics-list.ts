import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { listMetrics } from './config-store.ts';
import { listRequest } from './schemas.ts';

export const handler = v1Route({ keyKind: 'admin', schema: listRequest }, async (_request, { caller, table }) => ({
  statusCode: 200,
  body: { metrics: await listMetrics(documentClient, table, caller.ownerId) },
}));
