import { v1ErrorShape } from '../shared/http/error-shapes.ts';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { json } from '../shared/http/responses.ts';

/** `GET /health`: the API answers at all (no dependencies checked; see /v1/health). */
export const handler = edge({ answerError: jsonErrors(v1ErrorShape) }, async () =>
  json(200, { status: 'ok' }),
);
