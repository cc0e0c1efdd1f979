import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { RequestError } from './request-error.ts';

/**
 * Turning a request into a route's typed input: one schema per request, the first issue as the
 * message and one message per field as `details`. Strings must be well-formed Unicode: a lone
 * surrogate (`"\ud800"` in JSON) cannot be stored faithfully (DynamoDB Local turns different ones
 * into one key) and breaks clients it is echoed to, so it is refused before the schema sees it.
 */

const loneSurrogate = /\p{Cs}/u;

/** The path (`subject`, `tags.0`) of the first string or object key in `value` that is not well-formed Unicode. */
const illFormedPath = (value: unknown, path = ''): string | undefined => {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path || 'request' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (loneSurrogate.test(key)) return itemPath;
    const found = illFormedPath(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
};

export const parseInput = <Schema extends z.ZodMiniType>(schema: Schema, input: Record<string, unknown>): z.output<Schema> => {
  const illFormed = illFormedPath(input);
  if (illFormed !== undefined) {
    const message = `${illFormed} must be well-formed Unicode text (no lone surrogates)`;
    throw new RequestError(400, 'validation_error', message, { [illFormed]: message });
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) details[issue.path.join('.') || 'request'] ??= issue.message;
  throw new RequestError(400, 'validation_error', parsed.error.issues[0]!.message, details);
};

const jsonContentType = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** The JSON object of a request body, `{}` for none; anything but a JSON object sent as JSON is refused. */
export const jsonBody = (event: APIGatewayProxyEventV2): Record<string, unknown> => {
  if (!event.body) return {};
  if (!jsonContentType.test(event.headers['content-type'] ?? '')) {
    throw new RequestError(415, 'unsupported_media_type', 'The request body must be JSON, sent with Content-Type: application/json');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RequestError(400, 'invalid_json', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
};
