import { createHash } from 'node:crypto';
import { config } from '../shared/config.ts';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { buildOpenApiDocument } from './document.ts';

/** Built on the first request, once per container: the document is the same for every caller. */
let document: { body: string; etag: string } | undefined;
const documentOnce = () => {
  if (!document) {
    const body = JSON.stringify(buildOpenApiDocument({ version: config.version }));
    document = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }
  return document;
};

/** `GET /openapi.json`: clients may cache it for 5 minutes, then revalidate with its ETag. */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async (event) => {
  const { body, etag } = documentOnce();
  const headers = { 'Cache-Control': 'public, max-age=300', ETag: etag, 'X-Content-Type-Options': 'nosniff' };
  if (event.headers['if-none-match'] === etag) return { statusCode: 304, headers };
  return { statusCode: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' }, body };
});
