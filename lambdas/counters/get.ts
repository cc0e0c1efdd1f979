import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { counterRequest } from './schemas.ts';

export const handler = counterRoute(counterRequest, async ({ key }, { caller, table }) => {
  const value = await ownerCounter(table, caller.ownerId, 'counters').get(key);
  return { statusCode: 200, body: { key, value } };
});
