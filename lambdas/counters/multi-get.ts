import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

export const handler = counterRoute(contracts.multiGet, async ({ keys }, { caller, table }) => {
  const values = await ownerCounter(table, caller.ownerId, 'counters').multiGet(keys);
  return { statusCode: 200, body: { values: Object.fromEntries(values) } };
});
