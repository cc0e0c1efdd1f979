import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../lambdas/openapi/document.ts';
import { createRouter } from '../lambdas/shared/http/route-selection.ts';

/**
 * Every answer a test receives from the local server is checked against the OpenAPI document: its
 * route must document the status, the content type, and (for JSON) a schema the body matches. So
 * the document cannot drift from what the routes really answer. Paths no documented route takes
 * (the fallback's 404/405, CORS preflights) are not part of the contract and are not checked.
 */
const document = buildOpenApiDocument({ version: 'test' });
type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }>; headers?: Record<string, unknown> }> };

const selectOperation = createRouter(
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ operation, routeKeys: [`${method.toUpperCase()} ${path}`] })),
  ),
);

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<object, ReturnType<typeof ajv.compile>>();
const validatorOf = (schema: object) => {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
  return validate;
};

export interface ReceivedAnswer {
  method: string;
  /** The request URL (absolute), as sent. */
  url: string;
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: string;
}

export const checkAgainstDocument = ({ method, url, status, contentType, retryAfter, body }: ReceivedAnswer): void => {
  const match = selectOperation(method, new URL(url).pathname);
  if (!match) return;
  const { operation } = match.route;
  const where = `${method} ${new URL(url).pathname} (${operation.operationId}) answered ${status}`;
  const documented = operation.responses[String(status)];
  if (!documented) throw new Error(`${where}, a status the OpenAPI document does not declare (${Object.keys(operation.responses).join(', ')})`);
  if (documented.headers?.['Retry-After'] && retryAfter === null) throw new Error(`${where} without the documented Retry-After`);
  if (!documented.content) {
    if (body !== '') throw new Error(`${where} with a body, where the document declares none`);
    return;
  }
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  const content = documented.content[mediaType];
  // JSONP and the tracking GIF are CountAPI's documented alternatives to JSON (the callback and img parameters).
  if (!content && (mediaType === 'application/javascript' || mediaType === 'image/gif') && operation.operationId.startsWith('countapi.')) return;
  if (!content) throw new Error(`${where} as ${mediaType}, where the document declares ${Object.keys(documented.content).join(', ')}`);
  if (mediaType !== 'application/json') return;
  const validate = validatorOf(content.schema);
  if (!validate(JSON.parse(body))) throw new Error(`${where} with a body the document does not describe: ${ajv.errorsText(validate.errors)}\n${body.slice(0, 500)}`);
};
