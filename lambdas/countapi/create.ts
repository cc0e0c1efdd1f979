import { randomUUID } from 'node:crypto';
import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { creatorOf } from '../shared/public-creation.ts';
import { createCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { contracts } from './schemas.ts';

const conflict = { namespace: null, key: null, value: null };

export const handler = countapiRoute(contracts.create, async (request, { event, nowMs, table, stats }) => {
  const name = { namespace: request.namespace, key: request.key ?? randomUUID() };
  const counter = {
    ...name,
    value: request.value,
    enableReset: request.enable_reset,
    updateLowerbound: request.update_lowerbound,
    updateUpperbound: request.update_upperbound,
  };
  if ((await createCounter(documentClient, table, counter, await creatorOf(event, nowMs), nowMs)) === 'exists') {
    return { statusCode: 409, body: conflict, path: xPath(name) };
  }
  stats.record({ keysCreated: 1 });
  businessMetrics.keyCreated();
  return { statusCode: 200, body: { ...name, value: request.value }, path: xPath(name) };
});
