import { v1Route } from '../shared/private-api.ts';
import { ownerCounter } from './owner-counter.ts';
import { setIfNotExistsRequest } from './schemas.ts';

export const handler = v1Route({ keyKind: 'use', schema: setIfNotExistsRequest }, async ({ key, value, ttlSeconds }, { caller, table }) => {
  const set = await ownerCounter(table, caller.ownerId, 'counters').setIfNotExists(key, value, ttlSeconds);
  return { statusCode: 200, body: { key, set } };
});
