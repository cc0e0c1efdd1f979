import * as z from 'zod/mini';
import { type Responses, routeContract } from '../shared/http/contract.ts';

/** One schema per private-counter request (path parameters and JSON body together). */

/** Declared with the contract rather than in counter.ts, which enforces it too: loading the contracts must not load the DynamoDB client. */
export const maxMultiGetKeys = 100;

const keyPattern = /^[A-Za-z0-9_.:-]{1,128}$/;
const key = z.string({ error: 'key is required' }).check(z.regex(keyPattern, 'key must be 1-128 letters, digits, _ . : or -'));
/** JSON numbers are exact only within ±(2^53−1). */
const safeInteger = (field: string) =>
  z.number({ error: `${field} must be an integer` }).check(z.refine(Number.isSafeInteger, `${field} must be an integer within ±(2^53−1)`));
const by = z._default(safeInteger('by').check(z.refine((amount) => amount > 0, 'by must be a positive integer')), 1);
/** Ten years: long enough for any credit balance, short enough to catch seconds-vs-milliseconds mistakes. */
const maxTtlSeconds = 10 * 365 * 86_400;
const ttlSeconds = z.optional(
  z
    .number({ error: 'ttlSeconds must be an integer' })
    .check(
      z.int('ttlSeconds must be an integer'),
      z.minimum(1, 'ttlSeconds must be at least 1'),
      z.maximum(maxTtlSeconds, `ttlSeconds must be at most ${maxTtlSeconds} (10 years)`),
    ),
);

export const counterRequest = z.object({ key });
export const changeRequest = z.object({ key, by, ttlSeconds });
export const decrementIfExistsRequest = z.object({ key, by });
export const setIfNotExistsRequest = z.object({ key, value: safeInteger('value'), ttlSeconds });
export const multiGetRequest = z.object({
  keys: z.pipe(
    z.pipe(
      z.string({ error: 'keys is required: a comma-separated list' }),
      z.transform((list) => list.split(',')),
    ),
    z.array(key).check(z.minLength(1), z.maxLength(maxMultiGetKeys, `keys takes at most ${maxMultiGetKeys} keys`)),
  ),
});

const value = z.number().check(z.int());
const counterValue = z.object({ key: z.string(), value });

/** The private counter routes (unkey's counter interface), all behind a use key. */
const counterRoute = <Request extends z.ZodMiniType, R extends Responses>(
  routeKey: string,
  summary: string,
  request: Request,
  responses: R,
) => routeContract({ routeKeys: [routeKey], summary, family: 'v1', auth: 'use', request, responses });

export const contracts = {
  increment: {
    ...counterRoute('POST /v1/counters/{key}/increment', 'Adds `by` (creating the counter at 0 first)', changeRequest, { 200: counterValue }),
    examples: { request: { key: 'ratelimit:ip_1', by: 1, ttlSeconds: 60 }, responses: { 200: { key: 'ratelimit:ip_1', value: 1 } } },
  },
  decrement: counterRoute('POST /v1/counters/{key}/decrement', 'Subtracts `by` (creating the counter; may go negative)', changeRequest, { 200: counterValue }),
  decrementIfExists: counterRoute(
    'POST /v1/counters/{key}/decrement-if-exists',
    'Subtracts `by` from an existing counter holding at least `by`: never below zero, never creates',
    decrementIfExistsRequest,
    { 200: z.object({ key: z.string(), value, existed: z.boolean(), success: z.boolean() }) },
  ),
  // Undoing a put-if-absent or a delete could erase another request's change: counted in the write's own transaction.
  setIfNotExists: {
    ...counterRoute('POST /v1/counters/{key}/set-if-not-exists', 'Sets the value of a counter that does not exist', setIfNotExistsRequest, {
      200: z.object({ key: z.string(), set: z.boolean() }),
    }),
    countsTowardPlan: 'transacted' as const,
  },
  get: counterRoute('GET /v1/counters/{key}', 'The value, 0 when missing or expired', counterRequest, { 200: counterValue }),
  multiGet: counterRoute('GET /v1/counters', 'Values of up to 100 counters in one batched read', multiGetRequest, {
    200: z.object({ values: z.record(z.string(), value) }),
  }),
  delete: {
    ...counterRoute('DELETE /v1/counters/{key}', 'Removes the counter', counterRequest, { 200: z.object({ key: z.string(), deleted: z.boolean() }) }),
    countsTowardPlan: 'transacted' as const,
  },
};
