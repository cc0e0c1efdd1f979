import { isServiceUnavailable } from '../errors.ts';
import { logger } from '../logger.ts';

/**
 * The one error every route answers with: a request the caller must change (4xx), or the two
 * failures the edge itself classifies (503 to retry, 500 without internals). Each family only
 * decides how it looks on the wire (its error shape); handlers and domain code never build
 * error responses.
 */
export class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    /**
     * Machine-readable (the `/v1` shape shows it): validation_error, invalid_json,
     * unsupported_media_type, unauthorized, forbidden, not_found, method_not_allowed, conflict,
     * rate_limited, service_unavailable, internal_error, or a family's own.
     */
    readonly code: string,
    message: string,
    /** One message per offending field (countr's `details`). */
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** A family's table of domain errors and the answers they stand for: the only place they are translated. */
export type DomainErrors = ReadonlyArray<readonly [type: abstract new (...args: never[]) => Error, answer: (error: never) => RequestError]>;

export const serviceUnavailable = () =>
  new RequestError(503, 'service_unavailable', 'Service temporarily unavailable, please retry', undefined, { 'Retry-After': '1' });

/**
 * Every failure as a RequestError: itself, a domain error by its family's table, DynamoDB
 * throttling or an outage (503 with Retry-After), or anything else (500, logged here, never shown).
 */
export const requestErrorOf = (error: unknown, domainErrors: DomainErrors = []): RequestError => {
  if (error instanceof RequestError) return error;
  for (const [type, answer] of domainErrors) if (error instanceof type) return (answer as (error: unknown) => RequestError)(error);
  if (isServiceUnavailable(error)) {
    logger.warn('DynamoDB unavailable', { errorName: (error as Error).name });
    return serviceUnavailable();
  }
  logger.error('Unexpected failure', error as Error);
  return new RequestError(500, 'internal_error', 'Internal server error');
};
