import { ownerCounter } from '../counters/owner-counter.ts';
import { requiemsRoute } from '../shared/private-api.ts';
import { contracts } from './schemas.ts';

export const handler = requiemsRoute(contracts.get, async ({ namespace }, { caller, table }) => ({
  statusCode: 200,
  body: { namespace, value: await ownerCounter(table, caller.ownerId, 'misc').get(namespace) },
}));
