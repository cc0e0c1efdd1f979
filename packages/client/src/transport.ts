import { errorFromAnswer, IncrError } from './error.js';

export type FailMode = 'open' | 'closed';

export interface IncrOptions {
  /** Your deployment's `ApiUrl`, or `http://localhost:3000` for `npm start`. */
  baseUrl: string;
  /** A use key for counters and decisions, an admin key for keys, metrics, overrides and the account. */
  apiKey?: string;
  /** Per attempt. Default 5000. */
  timeoutMs?: number;
  /** Extra attempts for calls that are safe to repeat. Default 2. */
  retries?: number;
  /** What `quota.checkConsume` decides when Incr cannot: default `open`, as countr advises. */
  failMode?: FailMode;
  /** A fetch of your own (tests, instrumentation); the global one by default. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  timeoutMs?: number;
  retries?: number;
  /** Cancels the call, retries included. */
  signal?: AbortSignal;
}

type Scalar = string | number | boolean;

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path segments, encoded here so no caller can forget. */
  path: readonly string[];
  query?: Readonly<Record<string, Scalar | readonly Scalar[] | undefined>>;
  body?: object;
  headers?: Record<string, string>;
  /** Whether a second attempt cannot change the outcome: reads, and writes carrying an Idempotency-Key. */
  idempotent: boolean;
  /** Non-2xx statuses that are answers, not failures (CountAPI's 403 and 404). */
  answers?: readonly number[];
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

const baseDelayMs = 100;
const maxDelayMs = 2_000;
/** A server asking for longer than this is down for a while: failing now beats holding the caller. */
const maxRetryAfterSeconds = 60;

const retryAfterSeconds = (header: string | null): number | null => {
  if (header === null) return null;
  const seconds = /^\d+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
};

const retryable = (error: IncrError) =>
  (error.status === null || error.status === 503 || error.status === 429) && (error.retryAfter ?? 0) <= maxRetryAfterSeconds;

/** Full jitter: concurrent clients that failed together do not retry together. */
const backoffMs = (attempt: number, retryAfter: number | null) =>
  Math.max((retryAfter ?? 0) * 1000, Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export const encodePath = (segments: readonly string[]) => segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');

export const queryString = (query: Call['query'] = {}) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, [value].flat().join(','));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export class Transport {
  readonly baseUrl: string;
  readonly failMode: FailMode;
  readonly #options: IncrOptions;

  constructor(options: IncrOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.failMode = options.failMode ?? 'open';
  }

  url(path: readonly string[], query?: Call['query']) {
    return `${this.baseUrl}${encodePath(path)}${queryString(query)}`;
  }

  async request<T>(call: Call, options: RequestOptions = {}): Promise<Answer<T>> {
    const retries = call.idempotent ? (options.retries ?? this.#options.retries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt<T>(call, options);
      } catch (error) {
        if (!(error instanceof IncrError) || attempt >= retries || !retryable(error)) throw error;
        await sleep(backoffMs(attempt, error.retryAfter), options.signal);
      }
    }
  }

  /** The answer's body: what most calls return. */
  async body<T>(call: Call, options?: RequestOptions): Promise<T> {
    return (await this.request<T>(call, options)).body;
  }

  async #attempt<T>(call: Call, { signal, timeoutMs = this.#options.timeoutMs ?? 5_000 }: RequestOptions): Promise<Answer<T>> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const timedOut = new IncrError({ status: null, code: 'ETIMEDOUT', message: `No answer from Incr within ${timeoutMs} ms` });
    const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
    const cancel = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (this.#options.apiKey) headers.authorization = `Bearer ${this.#options.apiKey}`;
    if (call.body) headers['content-type'] = 'application/json';
    try {
      const response = await (this.#options.fetch ?? fetch)(this.url(call.path, call.query), {
        method: call.method,
        headers,
        body: call.body && JSON.stringify(call.body),
        signal: controller.signal,
      });
      const text = await response.text();
      const body = parseJson(text);
      if (response.ok || call.answers?.includes(response.status)) {
        if (body === undefined) throw new IncrError({ status: response.status, code: 'invalid_response', message: 'The answer is not JSON' });
        return { status: response.status, headers: response.headers, body: body as T };
      }
      throw errorFromAnswer(response.status, body, retryAfterSeconds(response.headers.get('retry-after')));
    } catch (error) {
      if (controller.signal.reason === timedOut) throw timedOut;
      if (error instanceof IncrError || signal?.aborted) throw error;
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new IncrError({ status: null, code: typeof code === 'string' ? code : 'network_error', message: `Incr could not be reached: ${String(error)}`, cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
