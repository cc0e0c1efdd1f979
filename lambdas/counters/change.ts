import { counterRoute } from './http.ts';
import { ownerCounter } from './owner-counter.ts';
import { contracts } from './schemas.ts';

const opposite = { increment: 'decrement', decrement: 'increment' } as const;

/**
 * increment and decrement differ only in direction: one handler factory for both routes. A change
 * the owner's plan refuses is taken back by the opposite change, which commutes with any other.
 */
export const changeHandler = (direction: 'increment' | 'decrement') =>
  counterRoute(contracts[direction], async ({ key, by, ttlSeconds }, { caller, table }) => {
    const counter = ownerCounter(table, caller.ownerId, 'counters');
    const value = await counter[direction](key, by, ttlSeconds);
    return { statusCode: 200, body: { key, value }, undoIfRefused: () => counter[opposite[direction]](key, by) };
  });
