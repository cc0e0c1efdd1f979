import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { creatorOf } from '../shared/public-creation.ts';
import { hitCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { contracts } from './schemas.ts';

export const handler = countapiRoute(contracts.hit, async (name, { event, nowMs, table, stats }) => {
  const { value, created } = await hitCounter(documentClient, table, name, nowMs, () => creatorOf(event, nowMs));
  stats.record({ keysUpdated: 1, keysCreated: created ? 1 : 0 });
  businessMetrics.hit();
  if (created) businessMetrics.keyCreated();
  return { statusCode: 200, body: { value }, path: xPath(name) };
});
