import type { Call, RequestOptions, Transport } from '../transport.js';
import type { AnswerOf, QueryOf } from '../types.js';

/** countapi-js's result: the body, the status (403 and 404 are answers) and the `X-Path` the server used. */
export type CountApiResult<T> = T & { status: number; path: string | null };

/** Numbers and booleans are sent as the query string CountAPI reads. */
export type CreateOptions = { [Name in Exclude<keyof QueryOf<'countapi.create'>, 'callback' | 'img'>]?: string | number | boolean };

/** CountAPI's public counters: no key, everything a GET. */
export const countapi = (transport: Transport) => {
  const call = async <T>(path: string[], query: Call['query'], idempotent: boolean, options?: RequestOptions) => {
    const { status, headers, body } = await transport.request<T>({ method: 'GET', path, query, idempotent, answers: [403, 404] }, options);
    return { ...body, status, path: headers.get('x-path') } as CountApiResult<T>;
  };
  return {
    /** Adds one, creating the counter if missing. */
    hit: (namespace: string, key: string, options?: RequestOptions) => call<AnswerOf<'countapi.hit'>>(['hit', namespace, key], undefined, false, options),
    /** The value; a missing counter is `{value: null, status: 404}`. */
    get: (namespace: string, key: string, options?: RequestOptions) =>
      call<AnswerOf<'countapi.get'> | AnswerOf<'countapi.get', 404>>(['get', namespace, key], undefined, true, options),
    /** Sets the value of a counter created with `enable_reset` (403 otherwise, 404 when missing). */
    set: (namespace: string, key: string, value: number, options?: RequestOptions) =>
      call<AnswerOf<'countapi.set'> | AnswerOf<'countapi.set', 404>>(['set', namespace, key], { value }, false, options),
    /** Adds `amount` (negative to subtract) within the counter's update bounds (403 outside them). */
    update: (namespace: string, key: string, amount: number, options?: RequestOptions) =>
      call<AnswerOf<'countapi.update'> | AnswerOf<'countapi.update', 404>>(['update', namespace, key], { amount }, false, options),
    /** Creates a counter; a key that exists is an `IncrError` with code `conflict`. */
    create: (params: CreateOptions = {}, options?: RequestOptions) => call<AnswerOf<'countapi.create'>>(['create'], params, false, options),
    /** Everything about a counter; missing: every field `null`, status 404. */
    info: (namespace: string, key: string, options?: RequestOptions) => call<AnswerOf<'countapi.info'>>(['info', namespace, key], undefined, true, options),
    /** The deployment's numbers. */
    stats: (options?: RequestOptions) => call<AnswerOf<'countapi.stats'>>(['stats'], undefined, true, options),
  };
};
