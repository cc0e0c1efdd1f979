import * as z from 'zod/mini';
import { routeContract } from '../shared/http/contract.ts';

const invalidNamespace = 'Invalid namespace: must be 1–64 chars, alphanumeric, hyphen or underscore only';

export const namespaceRequest = z.object({
  namespace: z.string({ error: invalidNamespace }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, invalidNamespace)),
});

const namespaceValue = z.object({ namespace: z.string(), value: z.number().check(z.int()) });

/** Requiems' counter API, behind a use key. */
export const contracts = {
  increment: routeContract({
    routeKeys: ['POST /v1/misc/counter/{namespace}'],
    summary: "Adds one to the namespace's counter",
    examples: { request: { namespace: 'page-views' }, responses: { 200: { namespace: 'page-views', value: 1 } } },
    family: 'requiems',
    auth: 'use',
    request: namespaceRequest,
    responses: { 200: namespaceValue },
  }),
  get: routeContract({
    routeKeys: ['GET /v1/misc/counter/{namespace}'],
    summary: "The namespace's counter, 0 when never incremented",
    family: 'requiems',
    auth: 'use',
    request: namespaceRequest,
    responses: { 200: namespaceValue },
  }),
};
