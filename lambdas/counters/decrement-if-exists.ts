import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { decrementIfExistsRequest } from './schemas.ts';

export const handler = counterRoute(decrementIfExistsRequest, async ({ key, by }, { caller, table }) => {
  const result = await ownerCounter(table, caller.ownerId, 'counters').decrementIfExists(key, by);
  return { statusCode: 200, body: { key, ...result } };
});
