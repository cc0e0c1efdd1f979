import * as z from 'zod';
import { namePattern } from './names.ts';

/**
 * One schema per CountAPI request: it validates the request (path parameters and query string,
 * merged, after reserved words are resolved), gives the handler its types, and its messages are
 * the `error` texts of the 400 answers.
 */

const malformedName = 'Malformed Namespace/Key';
const name = z.string({ error: malformedName }).regex(namePattern, malformedName);
const namespace = name.default('default');

/** CountAPI numbers are integers that survive a JSON round trip: within ±(2^53−1). */
const safeInteger = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .regex(/^[-+]?\d+$/, `${field} must be an integer`)
    .transform((text) => Number(text) + 0) // + 0 turns -0 into 0
    .refine(Number.isSafeInteger, `${field} must be between -9007199254740991 and 9007199254740991`);

export const counterRequest = z.object({ namespace, key: name });
export type CounterRequest = z.output<typeof counterRequest>;

export const setRequest = counterRequest.extend({ value: safeInteger('value') });

export const updateRequest = counterRequest.extend({ amount: safeInteger('amount') });

export const createRequest = z.object({
  namespace,
  key: name.optional(),
  value: safeInteger('value').default(0),
  enable_reset: z
    .stringbool({ truthy: ['1', 'true'], falsy: ['0', 'false'], error: 'enable_reset must be 1, 0, true or false' })
    .default(false),
  update_lowerbound: safeInteger('update_lowerbound')
    .default(-1)
    .refine((bound) => bound <= 0, 'update_lowerbound must be negative'),
  update_upperbound: safeInteger('update_upperbound')
    .default(1)
    .refine((bound) => bound >= 0, 'update_upperbound must be positive'),
});
export type CreateRequest = z.output<typeof createRequest>;

export const statsRequest = z.object({});

/** JSONP callbacks are executed by the caller's page: only plain (dotted) identifiers are allowed. */
export const jsonpCallback = z
  .string()
  .regex(/^[A-Za-z_$][\w$.]{0,63}$/, 'callback must be a JavaScript identifier of at most 64 characters');
