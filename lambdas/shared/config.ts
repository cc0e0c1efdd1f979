import { parseFunctionConfig } from './config-schema.ts';

/**
 * This function's configuration, read from its environment once, when this module first loads
 * (the schema: lambdas/shared/config-schema.ts). The only reader of `process.env` in lambdas/:
 * whoever sets the environment (the stack, the local server, a test) does so before the first
 * function module loads.
 */
export const config = parseFunctionConfig(process.env);
