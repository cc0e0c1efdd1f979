import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { deleteOverride } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.deleteOverride, async ({ metric, subject }, { caller, table, write }) => {
  if (!(await deleteOverride(documentClient, table, caller.ownerId, metric, subject, write))) {
    throw new RequestError(404, 'not_found', `No override for ${subject} on ${metric}`);
  }
  return { statusCode: 200, body: { metric, subject, deleted: true } };
});
