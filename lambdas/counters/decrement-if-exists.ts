import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

export const handler = counterRoute(contracts.decrementIfExists, async ({ key, by }, { caller, table }) => {
  const result = await ownerCounter(table, caller.ownerId, 'counters').decrementIfExists(key, by);
  return { statusCode: 200, body: { key, ...result } };
});
