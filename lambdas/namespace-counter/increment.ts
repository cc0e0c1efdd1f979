import { ownerCounter } from '../counters/owner-counter.ts';
import { requiemsRoute } from '../shared/private-api.ts';
import { contracts } from './schemas.ts';

export const handler = requiemsRoute(contracts.increment, async ({ namespace }, { caller, table }) => {
  const counter = ownerCounter(table, caller.ownerId, 'misc');
  // Taken back by the opposite change should the owner's plan refuse the request.
  return { statusCode: 200, body: { namespace, value: await counter.increment(namespace, 1) }, undoIfRefused: () => counter.decrement(namespace, 1) };
});
