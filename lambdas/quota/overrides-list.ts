import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { listOverrides } from './config-store.ts';
import { metricRequest } from './schemas.ts';

export const handler = v1Route({ keyKind: 'admin', schema: metricRequest }, async ({ metric }, { caller, table }) => ({
  statusCode: 200,
  body: { overrides: await listOverrides(documentClient, table, caller.ownerId, metric) },
}));
