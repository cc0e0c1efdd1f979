import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { getOverride } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.getOverride, async ({ metric, subject }, { caller, table }) => {
  const found = await getOverride(documentClient, table, caller.ownerId, metric, subject);
  if (!found) throw new RequestError(404, 'not_found', `No override for ${subject} on ${metric}`);
  return { statusCode: 200, body: found };
});
