import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { updateCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { contracts } from './schemas.ts';

export const handler = countapiRoute(contracts.update, async ({ amount, ...name }, { nowMs, table, stats }) => {
  const path = xPath(name);
  const result = await updateCounter(documentClient, table, name, amount, nowMs);
  switch (result.outcome) {
    case 'updated':
      stats.record({ keysUpdated: 1 });
      businessMetrics.update();
      return { statusCode: 200, body: { value: result.value }, path };
    case 'out-of-bounds':
      return { statusCode: 403, body: { value: result.value }, path };
    case 'missing':
      return { statusCode: 404, body: { value: null }, path };
  }
});
