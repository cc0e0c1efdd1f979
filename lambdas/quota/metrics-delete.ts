import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { deleteMetric } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.deleteMetric, async ({ metric }, { caller, table, write }) => {
  if (!(await deleteMetric(documentClient, table, caller.ownerId, metric, write))) throw new RequestError(404, 'not_found', `No metric ${metric}`);
  return { statusCode: 200, body: { metric, deleted: true } };
});
