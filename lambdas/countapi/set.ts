import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { setCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { contracts } from './schemas.ts';

export const handler = countapiRoute(contracts.set, async ({ value, ...name }, { nowMs, table, stats }) => {
  const result = await setCounter(documentClient, table, name, value, nowMs);
  const path = xPath(name);
  switch (result.outcome) {
    case 'set':
      stats.record({ keysUpdated: 1 });
      businessMetrics.update();
      return { statusCode: 200, body: { old_value: result.oldValue, value: result.value }, path };
    case 'not-resettable':
      return { statusCode: 403, body: { old_value: result.value, value: result.value }, path };
    case 'missing':
      return { statusCode: 404, body: { old_value: null, value: null }, path };
  }
});
