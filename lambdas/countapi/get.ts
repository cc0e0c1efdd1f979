import { documentClient } from '../shared/dynamodb.ts';
import { getCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { counterRequest } from './schemas.ts';

export const handler = countapiRoute(counterRequest, async (name, { nowMs, table }) => {
  const counter = await getCounter(documentClient, table, name, nowMs);
  return { statusCode: counter ? 200 : 404, body: { value: counter?.value ?? null }, path: xPath(name) };
});
