import type { RequestOptions, Transport } from '../transport.js';
import type { AnswerOf, BodyOf } from '../types.js';

/** Private counters with unkey's semantics, behind a use key. */
export const counters = (transport: Transport) => {
  const change = <T>(operation: string, key: string, body: object, options?: RequestOptions) =>
    transport.body<T>({ method: 'POST', path: ['v1', 'counters', key, operation], body, idempotent: false }, options);
  return {
    /** Adds `by` (default 1), creating the counter at 0 first; `ttlSeconds` applies only on creation. */
    increment: (key: string, params: BodyOf<'counters.increment'> = {}, options?: RequestOptions) =>
      change<AnswerOf<'counters.increment'>>('increment', key, params, options),
    /** Subtracts `by` (default 1), creating the counter; may go negative. */
    decrement: (key: string, params: BodyOf<'counters.decrement'> = {}, options?: RequestOptions) =>
      change<AnswerOf<'counters.decrement'>>('decrement', key, params, options),
    /** Subtracts `by` only from an existing counter holding at least `by`: never below zero, never creates. */
    decrementIfExists: (key: string, params: BodyOf<'counters.decrementIfExists'> = {}, options?: RequestOptions) =>
      change<AnswerOf<'counters.decrementIfExists'>>('decrement-if-exists', key, params, options),
    /** Sets the value of a counter that does not exist; the first value stays. */
    setIfNotExists: (key: string, params: BodyOf<'counters.setIfNotExists'>, options?: RequestOptions) =>
      change<AnswerOf<'counters.setIfNotExists'>>('set-if-not-exists', key, params, options),
    /** The value, 0 when missing or expired. */
    get: (key: string, options?: RequestOptions) =>
      transport.body<AnswerOf<'counters.get'>>({ method: 'GET', path: ['v1', 'counters', key], idempotent: true }, options),
    /** Up to 100 values in one read: `{values: {key: value}}`, 0 for missing ones. */
    multiGet: (keys: readonly string[], options?: RequestOptions) =>
      transport.body<AnswerOf<'counters.multiGet'>>({ method: 'GET', path: ['v1', 'counters'], query: { keys }, idempotent: true }, options),
    /** Removes the counter; `deleted` says whether a live one existed. */
    delete: (key: string, options?: RequestOptions) =>
      transport.body<AnswerOf<'counters.delete'>>({ method: 'DELETE', path: ['v1', 'counters', key], idempotent: false }, options),
  };
};
