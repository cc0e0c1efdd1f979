import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

export const handler = counterRoute(contracts.decrementIfExists, async ({ key, by }, { caller, table }) => {
  const counter = ownerCounter(table, caller.ownerId, 'counters');
  const result = await counter.decrementIfExists(key, by);
  // Only a decrement that happened has something to take back, should the owner's plan refuse it.
  return { statusCode: 200, body: { key, ...result }, ...(result.success && { undoIfRefused: () => counter.increment(key, by) }) };
});
