import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { multiGetRequest } from './schemas.ts';

export const handler = counterRoute(multiGetRequest, async ({ keys }, { caller, table }) => {
  const values = await ownerCounter(table, caller.ownerId, 'counters').multiGet(keys);
  return { statusCode: 200, body: { values: Object.fromEntries(values) } };
});
