import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { counterRequest } from './schemas.ts';

export const handler = counterRoute(counterRequest, async ({ key }, { caller, table }) => {
  const deleted = await ownerCounter(table, caller.ownerId, 'counters').delete(key);
  return { statusCode: 200, body: { key, deleted } };
});
