import { documentClient } from '../shared/dynamodb.ts';
import { logger } from '../shared/logger.ts';
import { clock } from '../shared/clock.ts';
import { ownerCountersPrefix } from '../shared/keys.ts';
import { type Counter, type CounterMiddleware, DynamoDbCounter, withMiddleware } from './counter.ts';

/** Logs every counter operation at debug level (key names are not secrets; values are not logged). */
const withDebugLog: CounterMiddleware = (next) => {
  const logged =
    <Args extends unknown[], Result>(operation: string, call: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      const startedAt = performance.now();
      try {
        return await call(...args);
      } finally {
        logger.debug('counter operation', { operation, durationMs: Math.round(performance.now() - startedAt) });
      }
    };
  return {
    increment: logged('increment', next.increment.bind(next)),
    decrement: logged('decrement', next.decrement.bind(next)),
    decrementIfExists: logged('decrementIfExists', next.decrementIfExists.bind(next)),
    setIfNotExists: logged('setIfNotExists', next.setIfNotExists.bind(next)),
    get: logged('get', next.get.bind(next)),
    multiGet: logged('multiGet', next.multiGet.bind(next)),
    delete: logged('delete', next.delete.bind(next)),
  };
};

/**
 * The counters of one owner in one key space (`counters` for the primitives, `misc` for the
 * namespace counter API). The owner id comes from the verified API key, never from the request,
 * so owners cannot reach each other's counters even with the same names.
 */
export const ownerCounter = (tableName: string, ownerId: string, space: 'counters' | 'misc'): Counter =>
  withMiddleware(
    new DynamoDbCounter({ client: documentClient, tableName, keyPrefix: ownerCountersPrefix(space, ownerId), now: clock.now }),
    withDebugLog,
  );
