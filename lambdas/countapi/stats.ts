import { config } from '../shared/config.ts';
import { countapiRoute } from './http.ts';
import { contracts } from './schemas.ts';

export const handler = countapiRoute(contracts.stats, async (_request, { stats }) => {
  const { keysCreated, keysUpdated, requests } = await stats.totals();
  return { statusCode: 200, body: { keys_created: keysCreated, keys_updated: keysUpdated, requests, version: config.version } };
});
