import * as z from 'zod/mini';
import { routeContract } from '../shared/http/contract.ts';

/** The API's own description: public, cacheable, and documented like every other route. */
export const contracts = {
  document: routeContract({
    routeKeys: ['GET /openapi.json'],
    summary: 'This OpenAPI 3.1 document (with an ETag: a conditional request answers 304)',
    family: 'site',
    auth: 'none',
    request: z.object({ 'If-None-Match': z.optional(z.string()) }),
    headers: ['If-None-Match'],
    responses: { 200: z.looseObject({ openapi: z.literal('3.1.0') }), 304: z.undefined() },
  }),
  reference: routeContract({
    routeKeys: ['GET /docs'],
    summary: 'The API reference: this document as a web page',
    family: 'site',
    auth: 'none',
    request: z.object({}),
    mediaType: 'text/html',
    responses: { 200: z.string() },
  }),
  referenceScript: routeContract({
    routeKeys: ['GET /docs/assets/{file}'],
    summary: "The API reference's script, at a URL named by its content (cached for a year)",
    family: 'site',
    auth: 'none',
    request: z.object({ file: z.string() }),
    mediaType: 'text/javascript',
    responses: { 200: z.string() },
    errors: { 404: "No script of this name: an earlier deployment's, or none" },
  }),
};
