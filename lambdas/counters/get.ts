import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

export const handler = counterRoute(contracts.get, async ({ key }, { caller, table }) => {
  const value = await ownerCounter(table, caller.ownerId, 'counters').get(key);
  return { statusCode: 200, body: { key, value } };
});
