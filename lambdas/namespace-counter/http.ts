import type * as z from 'zod';
import { type Answer, type ApiError, type PrivateContext, privateRoute } from '../shared/private-api.ts';

/**
 * The Requiems-compatible counter's conventions: key in the `requiems-api-key` header (or
 * `Authorization: Bearer`), and Requiems' flat error shape `{"error": code, "message": text}`,
 * except for key failures, which answer 401/403 in the shape every Incr key failure has.
 */
const requiemsCodes: Record<string, string> = { validation_error: 'bad_request', invalid_json: 'bad_request' };

const formatError = (error: ApiError) =>
  error.statusCode === 401 || error.statusCode === 403
    ? { error: { code: error.code, message: error.message } }
    : { error: requiemsCodes[error.code] ?? error.code, message: error.message };

export const namespaceCounterRoute = <Schema extends z.ZodType>(
  schema: Schema,
  operation: (request: z.output<Schema>, context: PrivateContext) => Promise<Answer>,
) => privateRoute({ keyKind: 'use', schema, formatError, keyHeader: 'requiems-api-key' }, operation);
