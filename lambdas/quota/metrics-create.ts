import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { createMetric } from './config-store.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.createMetric, async (metric, { caller, nowMs, table, write }) => {
  const created = await createMetric(documentClient, table, caller.ownerId, metric, nowMs, write);
  if (!created) throw new RequestError(409, 'conflict', `Metric ${metric.metric} already exists`);
  return { statusCode: 201, body: created };
});
