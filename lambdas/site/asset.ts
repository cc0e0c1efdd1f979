import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { immutableAsset } from '../shared/http/responses.ts';
import { assetOf } from './assets.ts';

/** `GET /assets/{file}`: a page's script or stylesheet, at its content-named URL. */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async (event) => {
  const asset = assetOf(event.pathParameters?.file ?? '');
  if (!asset) throw new RequestError(404, 'not_found', 'Not Found');
  return immutableAsset(asset.contentType, asset.body);
});
