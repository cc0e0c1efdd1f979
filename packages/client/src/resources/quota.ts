import { IncrError } from '../error.js';
import type { FailMode, RequestOptions, Transport } from '../transport.js';
import type { AnswerOf, BodyOf, QueryOf } from '../types.js';

export type CheckConsumeParams = BodyOf<'quota.checkConsume'>;

export interface CheckConsumeOptions extends RequestOptions {
  /**
   * Makes retries safe: a repeated key gets the stored decision instead of consuming again. One is
   * generated per call when you give none; pass your own to also cover your retries of the call.
   */
  idempotencyKey?: string;
  /** Overrides the client's `failMode` for this call. */
  failMode?: FailMode;
}

/** Incr's answer, `failed: false`; or, when Incr could not decide, what `failMode` decided. */
export type Decision =
  | (AnswerOf<'quota.checkConsume'> & { failed: false })
  | { allowed: true; remaining: null; reason: null; failed: true; error: IncrError }
  | { allowed: false; remaining: null; reason: 'incr_unavailable'; failed: true; error: IncrError };

/** The bare call, throwing on every failure: countr's SDK contract, and the base of `checkConsume`. */
export const consume = (transport: Transport) => (params: CheckConsumeParams, { idempotencyKey = crypto.randomUUID(), ...options }: RequestOptions & { idempotencyKey?: string } = {}) =>
  transport.body<AnswerOf<'quota.checkConsume'>>(
    { method: 'POST', path: ['v1', 'check-consume'], body: params, headers: { 'idempotency-key': idempotencyKey }, idempotent: true },
    options,
  );

/** Quota decisions, behind a use key. */
export const quota = (transport: Transport) => {
  const decide = consume(transport);
  return {
    /**
     * Decides whether `subject` may consume `cost` of `metric`, and records it. When Incr is
     * unreachable, times out or answers 5xx (after retries), resolves by `failMode` with
     * `failed: true`; a 4xx (a bad request, a bad key) always throws.
     */
    checkConsume: async (params: CheckConsumeParams, { failMode = transport.failMode, ...options }: CheckConsumeOptions = {}): Promise<Decision> => {
      try {
        return { ...(await decide(params, options)), failed: false };
      } catch (error) {
        if (!(error instanceof IncrError) || (error.status !== null && error.status < 500)) throw error;
        return failMode === 'open'
          ? { allowed: true, remaining: null, reason: null, failed: true, error }
          : { allowed: false, remaining: null, reason: 'incr_unavailable', failed: true, error };
      }
    },
    /** A subject's usage of a metric in the current window, with a use or an admin key; consumes nothing. */
    usage: (params: QueryOf<'quota.usage'>, options?: RequestOptions) =>
      transport.body<AnswerOf<'quota.usage'>>({ method: 'GET', path: ['v1', 'usage'], query: params, idempotent: true }, options),
  };
};
