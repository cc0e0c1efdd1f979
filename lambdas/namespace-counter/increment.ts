import { ownerCounter } from '../counters/owner-counter.ts';
import { namespaceCounterRoute } from './http.ts';
import { namespaceRequest } from './schemas.ts';

export const handler = namespaceCounterRoute(namespaceRequest, async ({ namespace }, { caller, table }) => ({
  statusCode: 200,
  body: { namespace, value: await ownerCounter(table, caller.ownerId, 'misc').increment(namespace, 1) },
}));
