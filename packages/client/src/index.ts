import { admin } from './resources/admin.js';
import { countapi } from './resources/countapi.js';
import { counters } from './resources/counters.js';
import { hits } from './resources/hits.js';
import { namespaceCounter } from './resources/namespace-counter.js';
import { consume, quota, type CheckConsumeParams } from './resources/quota.js';
import { type IncrOptions, type RequestOptions, Transport } from './transport.js';

export { IncrError } from './error.js';
export type { CountApiResult, CreateOptions } from './resources/countapi.js';
export type { HitCount, ImageOptions } from './resources/hits.js';
export type { CheckConsumeOptions, CheckConsumeParams, Decision } from './resources/quota.js';
export type { FailMode, IncrOptions, RequestOptions } from './transport.js';
export type { AnswerOf, BodyOf, OperationId, QueryOf } from './types.js';

/** The Incr API, one namespace per family: `new Incr({ baseUrl, apiKey }).counters.increment('credits:user_42')`. */
export class Incr {
  readonly countapi;
  readonly hits;
  readonly counters;
  readonly namespaceCounter;
  readonly quota;
  readonly keys;
  readonly metrics;
  readonly overrides;
  readonly account;

  constructor(options: IncrOptions) {
    const transport = new Transport(options);
    this.countapi = countapi(transport);
    this.hits = hits(transport);
    this.counters = counters(transport);
    this.namespaceCounter = namespaceCounter(transport);
    this.quota = quota(transport);
    ({ keys: this.keys, metrics: this.metrics, overrides: this.overrides, account: this.account } = admin(transport));
  }
}

/**
 * countr-sdk's client: countr's own snippets run against Incr by changing `baseUrl`. Like countr's,
 * `checkConsume` throws when Incr cannot decide (errors carry `status`, or a system `code` such as
 * `ECONNREFUSED`/`ETIMEDOUT`), leaving the failure policy to the caller.
 */
export class CountrClient {
  readonly #consume;

  constructor({ apiKey, baseUrl, ...options }: { apiKey: string; baseUrl: string } & Omit<IncrOptions, 'failMode'>) {
    this.#consume = consume(new Transport({ apiKey, baseUrl, ...options }));
  }

  checkConsume(params: CheckConsumeParams, options?: RequestOptions & { idempotencyKey?: string }) {
    return this.#consume(params, options);
  }
}
