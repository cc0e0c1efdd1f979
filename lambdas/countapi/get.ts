import { documentClient } from '../shared/dynamodb.ts';
import { getCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { contracts } from './schemas.ts';

export const handler = countapiRoute(contracts.get, async (name, { nowMs, table }) => {
  const counter = await getCounter(documentClient, table, name, nowMs);
  const path = xPath(name);
  return counter ? { statusCode: 200, body: { value: counter.value }, path } : { statusCode: 404, body: { value: null }, path };
});
