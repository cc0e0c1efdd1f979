import { v1Route } from '../shared/private-api.ts';
import { ownerCounter } from './owner-counter.ts';
import { rangeErrorsAsValidation } from './range-errors.ts';
import { changeRequest } from './schemas.ts';

/** increment and decrement differ only in direction: one handler factory for both routes. */
export const changeHandler = (direction: 'increment' | 'decrement') =>
  v1Route({ keyKind: 'use', schema: changeRequest }, async ({ key, by, ttlSeconds }, { caller, table }) => {
    const counter = ownerCounter(table, caller.ownerId, 'counters');
    const value = await rangeErrorsAsValidation(counter[direction](key, by, ttlSeconds));
    return { statusCode: 200, body: { key, value } };
  });
