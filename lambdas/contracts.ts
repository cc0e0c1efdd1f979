import { contracts as countapi } from './countapi/schemas.ts';
import { contracts as counters } from './counters/schemas.ts';
import { contract as hits } from './hits/schemas.ts';
import { contracts as keys } from './keys/schemas.ts';
import { contracts as namespaceCounter } from './namespace-counter/schemas.ts';
import { contracts as reference } from './openapi/schemas.ts';
import { contracts as quota } from './quota/schemas.ts';
import { contracts as pages } from './site/schemas.ts';

/**
 * Every route's contract, by family: the route table (lib/routes.ts) gives each entry its contract
 * from here, and the OpenAPI document (lambdas/openapi/document.ts) is generated from here.
 */
export const contracts = { countapi, counters, namespaceCounter, keys, quota, hits: { count: hits }, site: { ...reference, ...pages } };
