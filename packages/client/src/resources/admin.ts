import type { Call, RequestOptions, Transport } from '../transport.js';
import type { AnswerOf, BodyOf, QueryOf } from '../types.js';

/** The admin surface, behind an admin key: keys, metrics, overrides, the account. */
export const admin = (transport: Transport) => {
  const read = <T>(path: Call['path'], query?: Call['query'], options?: RequestOptions) => transport.body<T>({ method: 'GET', path, query, idempotent: true }, options);
  const write = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: Call['path'], body?: object, options?: RequestOptions) =>
    transport.body<T>({ method, path, body, idempotent: false }, options);
  return {
    keys: {
      /** Creates a use (default) or admin key: the answer is the only place the key ever appears. */
      create: (params: BodyOf<'keys.create'> = {}, options?: RequestOptions) => write<AnswerOf<'keys.create', 201>>('POST', ['v1', 'keys'], params, options),
      /** A page of keys; pass `nextCursor` back as `cursor` for the next. */
      list: (params: QueryOf<'keys.list'> = {}, options?: RequestOptions) => read<AnswerOf<'keys.list'>>(['v1', 'keys'], params, options),
      /** Revokes a key: it stops working everywhere within `effectiveWithinSeconds`. */
      revoke: (keyId: string, options?: RequestOptions) => write<AnswerOf<'keys.revoke'>>('DELETE', ['v1', 'keys', keyId], undefined, options),
    },
    metrics: {
      create: (params: BodyOf<'quota.createMetric'>, options?: RequestOptions) => write<AnswerOf<'quota.createMetric', 201>>('POST', ['v1', 'metrics'], params, options),
      list: (params: QueryOf<'quota.listMetrics'> = {}, options?: RequestOptions) => read<AnswerOf<'quota.listMetrics'>>(['v1', 'metrics'], params, options),
      get: (metric: string, options?: RequestOptions) => read<AnswerOf<'quota.getMetric'>>(['v1', 'metrics', metric], undefined, options),
      /** Changes any of `limit` (null removes it), `window`, `description`. */
      update: (metric: string, params: BodyOf<'quota.updateMetric'>, options?: RequestOptions) =>
        write<AnswerOf<'quota.updateMetric'>>('PATCH', ['v1', 'metrics', metric], params, options),
      /** Deletes the metric and its overrides. */
      delete: (metric: string, options?: RequestOptions) => write<AnswerOf<'quota.deleteMetric'>>('DELETE', ['v1', 'metrics', metric], undefined, options),
    },
    overrides: {
      /** Sets one subject's limit (a number or `unlimited`), creating or replacing its override. */
      put: (metric: string, subject: string, params: BodyOf<'quota.putOverride'>, options?: RequestOptions) =>
        write<AnswerOf<'quota.putOverride'>>('PUT', ['v1', 'metrics', metric, 'overrides', subject], params, options),
      list: (metric: string, params: QueryOf<'quota.listOverrides'> = {}, options?: RequestOptions) =>
        read<AnswerOf<'quota.listOverrides'>>(['v1', 'metrics', metric, 'overrides'], params, options),
      get: (metric: string, subject: string, options?: RequestOptions) =>
        read<AnswerOf<'quota.getOverride'>>(['v1', 'metrics', metric, 'overrides', subject], undefined, options),
      delete: (metric: string, subject: string, options?: RequestOptions) =>
        write<AnswerOf<'quota.deleteOverride'>>('DELETE', ['v1', 'metrics', metric, 'overrides', subject], undefined, options),
    },
    account: {
      /** The plan and its caps, this month's requests against it, and recent decisions. */
      get: (options?: RequestOptions) => read<AnswerOf<'quota.account'>>(['v1', 'account'], undefined, options),
    },
  };
};
