import type { RequestError } from './request-error.ts';

/** How each family writes a RequestError on the wire: its documented error body. */

/** CountAPI's, which the hit counters share: `{"error": message}`. */
export const messageErrorShape = ({ message }: RequestError) => ({ error: message });

/** countr's, used by every `/v1` route except the Requiems-compatible one. */
export const v1ErrorShape = ({ code, message, details }: RequestError) => ({ error: { code, message, ...(details ? { details } : {}) } });

const requiemsCodes: Record<string, string> = { validation_error: 'bad_request', invalid_json: 'bad_request', unsupported_media_type: 'bad_request' };

/**
 * Requiems' flat `{"error": code, "message": text}`, except for key failures, which answer 401/403
 * in the shape every Incr key failure has.
 */
export const requiemsErrorShape = (error: RequestError) =>
  error.statusCode === 401 || error.statusCode === 403 ? v1ErrorShape(error) : { error: requiemsCodes[error.code] ?? error.code, message: error.message };
