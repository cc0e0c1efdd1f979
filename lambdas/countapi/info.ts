import { documentClient } from '../shared/dynamodb.ts';
import { getCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { contracts } from './schemas.ts';

const missing = {
  namespace: null,
  key: null,
  ttl: null,
  created: null,
  value: null,
  enable_reset: null,
  update_lowerbound: null,
  update_upperbound: null,
};

export const handler = countapiRoute(contracts.info, async (name, { nowMs, table }) => {
  const counter = await getCounter(documentClient, table, name, nowMs);
  if (!counter) return { statusCode: 404, body: missing, path: xPath(name) };
  return {
    statusCode: 200,
    body: {
      namespace: name.namespace,
      key: name.key,
      ttl: counter.expiresAt * 1000 - nowMs,
      created: counter.createdAt,
      value: counter.value,
      enable_reset: counter.enableReset,
      update_lowerbound: counter.updateLowerbound,
      update_upperbound: counter.updateUpperbound,
    },
    path: xPath(name),
  };
});
