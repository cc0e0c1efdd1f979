import * as z from 'zod/mini';
import { type Responses, routeContract } from '../shared/http/contract.ts';
import { namePattern } from './names.ts';

/**
 * One schema per CountAPI request: it validates the request (path parameters and query string,
 * merged, after reserved words are resolved), gives the handler its types, and its messages are
 * the `error` texts of the 400 answers.
 */

const malformedName = 'Malformed Namespace/Key';
const name = z.string({ error: malformedName }).check(z.regex(namePattern, malformedName));
const namespace = z._default(name, 'default');

/** CountAPI numbers are integers that survive a JSON round trip: within ±(2^53−1). */
const safeInteger = (field: string) =>
  z
    .pipe(
      z.string({ error: `${field} is required` }).check(z.trim(), z.regex(/^[-+]?\d+$/, `${field} must be an integer`)),
      z.transform((text) => Number(text) + 0), // + 0 turns -0 into 0
    )
    .check(z.refine(Number.isSafeInteger, `${field} must be between -9007199254740991 and 9007199254740991`));

export const counterRequest = z.object({ namespace, key: name });
export type CounterRequest = z.output<typeof counterRequest>;

export const setRequest = z.extend(counterRequest, { value: safeInteger('value') });

export const updateRequest = z.extend(counterRequest, { amount: safeInteger('amount') });

export const createRequest = z.object({
  namespace,
  key: z.optional(name),
  value: z._default(safeInteger('value'), 0),
  enable_reset: z._default(z.stringbool({ truthy: ['1', 'true'], falsy: ['0', 'false'], error: 'enable_reset must be 1, 0, true or false' }), false),
  update_lowerbound: z._default(safeInteger('update_lowerbound'), -1).check(z.refine((bound) => bound <= 0, 'update_lowerbound must be negative')),
  update_upperbound: z._default(safeInteger('update_upperbound'), 1).check(z.refine((bound) => bound >= 0, 'update_upperbound must be positive')),
});
export type CreateRequest = z.output<typeof createRequest>;

export const statsRequest = z.object({});

/** JSONP callbacks are executed by the caller's page: only plain (dotted) identifiers are allowed. */
export const jsonpCallback = z.string().check(z.regex(/^[A-Za-z_$][\w$.]{0,63}$/, 'callback must be a JavaScript identifier of at most 64 characters'));

const value = z.number().check(z.int());
const nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);
const counterInfo = z.object({
  namespace: nullable(z.string()),
  key: nullable(z.string()),
  /** Milliseconds until the counter expires. */
  ttl: nullable(z.number().check(z.int())),
  /** Epoch milliseconds. */
  created: nullable(z.number().check(z.int())),
  value: nullable(value),
  enable_reset: nullable(z.boolean()),
  update_lowerbound: nullable(value),
  update_upperbound: nullable(value),
});

/** A counter route: `/{op}/{namespace}/{key}`, or `/{op}/{key}` in namespace `default`. */
const counterRoute = <Request extends z.ZodMiniType, R extends Responses>(operation: string, summary: string, request: Request, responses: R) =>
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
