import * as z from 'zod';
import { maxMultiGetKeys } from './counter.ts';

/** One schema per private-counter request (path parameters and JSON body together). */

const keyPattern = /^[A-Za-z0-9_.:-]{1,128}$/;
const key = z.string({ error: 'key is required' }).regex(keyPattern, 'key must be 1-128 letters, digits, _ . : or -');
/** JSON numbers are exact only within ±(2^53−1). */
const safeInteger = (field: string) =>
  z.number({ error: `${field} must be an integer` }).refine(Number.isSafeInteger, `${field} must be an integer within ±(2^53−1)`);
const by = safeInteger('by').refine((amount) => amount > 0, 'by must be a positive integer').default(1);
/** Ten years: long enough for any credit balance, short enough to catch seconds-vs-milliseconds mistakes. */
const maxTtlSeconds = 10 * 365 * 86_400;
const ttlSeconds = z
  .number({ error: 'ttlSeconds must be an integer' })
  .int('ttlSeconds must be an integer')
  .min(1, 'ttlSeconds must be at least 1')
  .max(maxTtlSeconds, `ttlSeconds must be at most ${maxTtlSeconds} (10 years)`)
  .optional();

export const counterRequest = z.object({ key });
export const changeRequest = z.object({ key, by, ttlSeconds });
export const decrementIfExistsRequest = z.object({ key, by });
export const setIfNotExistsRequest = z.object({ key, value: safeInteger('value'), ttlSeconds });
export const multiGetRequest = z.object({
  keys: z
    .string({ error: 'keys is required: a comma-separated list' })
    .transform((list) => list.split(','))
    .pipe(z.array(key).min(1).max(maxMultiGetKeys, `keys takes at most ${maxMultiGetKeys} keys`)),
});
