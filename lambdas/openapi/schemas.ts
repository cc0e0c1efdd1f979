import * as z from 'zod';
import { routeContract } from '../shared/http/contract.ts';

/** The API's own description: public, cacheable, and documented like every other route. */
export const contracts = {
  document: routeContract({
    routeKeys: ['GET /openapi.json'],
    summary: 'This OpenAPI 3.1 document (with an ETag: a conditional request answers 304)',
    family: 'site',
    auth: 'none',
    request: z.object({ 'If-None-Match': z.string().optional() }),
    headers: ['If-None-Match'],
    responses: { 200: z.looseObject({ openapi: z.literal('3.1.0') }), 304: z.undefined() },
  }),
};
