import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { updateMetric } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.updateMetric, async (changes, { caller, nowMs, table, write }) => {
  const updated = await updateMetric(documentClient, table, caller.ownerId, changes, nowMs, write);
  if (!updated) throw new RequestError(404, 'not_found', `No metric ${changes.metric}`);
  return { statusCode: 200, body: updated };
});
