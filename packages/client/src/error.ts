/**
 * Every failure of every family, as one error. The families write errors three ways on the wire
 * (`{"error":"msg"}` for CountAPI and hits, `{"error":{code,message,details}}` for /v1,
 * `{"error":code,"message":msg}` for the Requiems route); callers should not have to know which.
 */
export class IncrError extends Error {
  override readonly name = 'IncrError';
  /** The HTTP status, or `null` when no answer came (network failure, timeout). */
  readonly status: number | null;
  /**
   * The API's code (`validation_error`, `unauthorized`, ...), or for a missing answer the system
   * code: `ETIMEDOUT` for a timeout, the network's own (`ECONNREFUSED`, `ENOTFOUND`...) where the
   * runtime reports one, else `network_error`. System codes keep countr's `shouldFailOpen` working.
   */
  readonly code: string;
  /** Field-by-field problems of a `validation_error`. */
  readonly details: Record<string, string> | undefined;
  /** Seconds the server asked to wait (`Retry-After`), if it did. */
  readonly retryAfter: number | null;

  constructor(init: { status: number | null; code: string; message: string; details?: Record<string, string>; retryAfter?: number | null; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** The CountAPI shape carries no code: one is derived from the status, in the /v1 vocabulary. */
const codeOfStatus: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'service_unavailable',
};

export const errorFromAnswer = (status: number, body: unknown, retryAfter: number | null): IncrError => {
  const { error, message } = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; message?: unknown };
  const fallbackCode = codeOfStatus[status] ?? 'http_error';
  if (typeof error === 'object' && error !== null) {
    const { code, message: text, details } = error as { code?: string; message?: string; details?: Record<string, string> };
    return new IncrError({ status, code: code ?? fallbackCode, message: text ?? `HTTP ${status}`, details, retryAfter });
  }
  if (typeof error === 'string' && typeof message === 'string') return new IncrError({ status, code: error, message, retryAfter });
  // A proxy or gateway in between may answer without any of Incr's shapes.
  return new IncrError({ status, code: fallbackCode, message: typeof error === 'string' ? error : `HTTP ${status}`, retryAfter });
};
