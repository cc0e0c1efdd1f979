import { gzipSync } from 'node:zlib';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { immutableAsset } from '../shared/http/responses.ts';
import { renderer, rendererFile } from './renderer.ts';

/** Compressed once per container, on its first request. */
let gzippedRenderer: Buffer | undefined;

/** `GET /docs/assets/{file}`: the renderer of the API reference, at its content-named URL. */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async (event) => {
  // Any other name is an older deployment's script (or none): its content is gone.
  if (event.pathParameters?.file !== rendererFile) throw new RequestError(404, 'not_found', 'Not Found');
  gzippedRenderer ??= gzipSync(renderer);
  return immutableAsset('text/javascript; charset=utf-8', gzippedRenderer);
});
