import * as z from 'zod';
import { type Responses, routeContract } from '../shared/http/contract.ts';
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

const value = z.number().int();
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const counterInfo = z.object({
  namespace: nullable(z.string()),
  key: nullable(z.string()),
  /** Milliseconds until the counter expires. */
  ttl: nullable(z.number().int()),
  /** Epoch milliseconds. */
  created: nullable(z.number().int()),
  value: nullable(value),
  enable_reset: nullable(z.boolean()),
  update_lowerbound: nullable(value),
  update_upperbound: nullable(value),
});

/** A counter route: `/{op}/{namespace}/{key}`, or `/{op}/{key}` in namespace `default`. */
const counterRoute = <Request extends z.ZodType, R extends Responses>(operation: string, summary: string, request: Request, responses: R) =>
  routeContract({
    routeKeys: [`GET /${operation}/{namespace}/{key}`, `GET /${operation}/{key}`],
    summary,
    family: 'countapi',
    auth: 'none',
    request,
    responses,
  });

/** CountAPI's routes: public, answered as JSON, JSONP (`?callback=`) or a 1x1 GIF (`?img`). */
export const contracts = {
  hit: {
    ...counterRoute('hit', 'Adds one, creating the counter if missing', counterRequest, { 200: z.object({ value }) }),
    examples: { request: { namespace: 'shop.example', key: 'visits' }, responses: { 200: { value: 1 } } },
  },
  get: counterRoute('get', 'The value', counterRequest, { 200: z.object({ value }), 404: z.object({ value: z.null() }) }),
  set: counterRoute('set', 'Sets the value of a counter created with enable_reset', setRequest, {
    200: z.object({ old_value: value, value }),
    403: z.object({ old_value: value, value }),
    404: z.object({ old_value: z.null(), value: z.null() }),
  }),
  update: counterRoute('update', 'Adds `amount` within the counter\'s update bounds', updateRequest, {
    200: z.object({ value }),
    403: z.object({ value }),
    404: z.object({ value: z.null() }),
  }),
  info: counterRoute('info', 'Everything about a counter', counterRequest, { 200: counterInfo, 404: counterInfo }),
  create: routeContract({
    examples: {
      request: { namespace: 'shop.example', key: 'orders', value: '10', enable_reset: '1', update_lowerbound: '-5', update_upperbound: '5' },
      responses: { 200: { namespace: 'shop.example', key: 'orders', value: 10 } },
    },
    routeKeys: ['GET /create'],
    summary: 'Creates a counter',
    family: 'countapi',
    auth: 'none',
    request: createRequest,
    responses: {
      200: z.object({ namespace: z.string(), key: z.string(), value }),
      409: z.object({ namespace: z.null(), key: z.null(), value: z.null() }),
    },
  }),
  stats: routeContract({
    examples: { responses: { 200: { keys_created: 2, keys_updated: 3, requests: 7, version: '0.1.0' } } },
    routeKeys: ['GET /stats'],
    summary: "The deployment's numbers",
    family: 'countapi',
    auth: 'none',
    request: statsRequest,
    responses: { 200: z.object({ keys_created: value, keys_updated: value, requests: value, version: z.string() }) },
  }),
};
