import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { documentClient } from '../lambdas/shared/dynamodb.ts';
import { isReadAction } from '../lib/validate-routes.ts';
import type { TableAction } from '../lib/routes.ts';
import { accessesOf } from './dynamodb-calls.ts';

/**
 * What DynamoDB Local lacks: a per-item write limit. In front of the handlers' document client,
 * this double refuses a write (every item of a transaction or batch counted) with
 * ProvisionedThroughputExceededException once any of its items has taken `writesPerWindow` writes
 * in the current window, as AWS throttles an item past its partition's ~1,000 writes/s, scaled
 * down. Windows end when the test says (`nextWindow`), not by the clock, so that the admitted
 * counts are exact however slow the machine is. Refused writes cost nothing; conditional writes
 * that fail their condition are counted, as AWS bills them. It sits before the SDK's retries, so
 * a refusal reaches the store at once.
 */
export const useItemThrottle = (writesPerWindow: number) => {
  let window = new Map<string, number>();
  const name = 'itemThrottle';
  beforeAll(() => {
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        const items = accessesOf(context.commandName as string, args.input as Record<string, unknown>)
          .filter(({ action }) => !isReadAction(action as TableAction))
          .map(({ pk }) => pk!);
        if (items.some((pk) => (window.get(pk) ?? 0) >= writesPerWindow)) {
          throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput (test double)', $metadata: {} });
        }
        for (const pk of items) window.set(pk, (window.get(pk) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name },
    );
  });
  afterAll(() => {
    documentClient.middlewareStack.remove(name);
  });
  return {
    nextWindow() {
      window = new Map();
    },
    /** Writes admitted to each partition key in the current window. */
    get writes(): ReadonlyMap<string, number> {
      return window;
    },
  };
};
