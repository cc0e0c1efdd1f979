import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

export const handler = counterRoute(contracts.setIfNotExists, async ({ key, value, ttlSeconds }, { caller, table, write }) => {
  const set = await ownerCounter(table, caller.ownerId, 'counters').setIfNotExists(key, value, ttlSeconds, write);
  return { statusCode: 200, body: { key, set } };
});
