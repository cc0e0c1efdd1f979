import type { RequestOptions, Transport } from '../transport.js';
import type { AnswerOf } from '../types.js';

/** The Requiems-compatible namespace counter, behind a use key. */
export const namespaceCounter = (transport: Transport) => ({
  /** Adds one to the namespace's counter. */
  increment: (namespace: string, options?: RequestOptions) =>
    transport.body<AnswerOf<'namespaceCounter.increment'>>({ method: 'POST', path: ['v1', 'misc', 'counter', namespace], idempotent: false }, options),
  /** The namespace's counter, 0 when never incremented. */
  get: (namespace: string, options?: RequestOptions) =>
    transport.body<AnswerOf<'namespaceCounter.get'>>({ method: 'GET', path: ['v1', 'misc', 'counter', namespace], idempotent: true }, options),
});
