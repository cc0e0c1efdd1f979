import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

export const handler = counterRoute(contracts.delete, async ({ key }, { caller, table, write }) => {
  const deleted = await ownerCounter(table, caller.ownerId, 'counters').delete(key, write);
  return { statusCode: 200, body: { key, deleted } };
});
