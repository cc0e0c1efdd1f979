import * as z from 'zod';
import { routeContract } from '../shared/http/contract.ts';

export const contract = routeContract({
  routeKeys: ['GET /docs', 'GET /docs/assets/{file}'],
  summary: 'The API reference as a web page, rendered from /openapi.json, and its scripts',
  family: 'v1',
  auth: 'none',
  request: z.object({ file: z.string().optional() }),
  responses: { 200: z.string().describe('The page (text/html), or a script (text/javascript, gzipped)') },
});
