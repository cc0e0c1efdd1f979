import { listApiKeys } from '../shared/api-keys.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { v1Route } from '../shared/private-api.ts';
import { listKeysRequest } from './schemas.ts';

export const handler = v1Route({ keyKind: 'admin', schema: listKeysRequest }, async (_request, { caller, table }) => ({
  statusCode: 200,
  body: { keys: await listApiKeys(documentClient, table, caller.ownerId) },
}));
