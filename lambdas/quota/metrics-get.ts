import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { getMetric } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.getMetric, async ({ metric }, { caller, table }) => {
  const found = await getMetric(documentClient, table, caller.ownerId, metric);
  if (!found) throw new RequestError(404, 'not_found', `No metric ${metric}`);
  return { statusCode: 200, body: found };
});
