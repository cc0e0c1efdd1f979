import * as z from 'zod/mini';
import { defaultPlans, plansSchema } from './plans.ts';

/**
 * Everything an Incr function reads from its environment, as one schema. The stack and the local
 * server write these variables with lib/function-environment.ts and the functions read them
 * through lambdas/shared/config.ts, so the writer and the reader can never disagree on a name or a
 * format. Kept apart from config.ts so that the writers can import it without parsing their own
 * process's environment.
 *
 * Nothing here is required when a module loads: tools such as the CLI load store modules without a
 * table or a secret, so those are checked where they are used (tableName(), ipHashSecret()). A
 * variable that is set but malformed fails at load, naming the variable.
 */

/** `VAR= command` sets an empty variable: it means unset, as for the shell. */
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);
const variable = <Schema extends z.ZodMiniType>(schema: Schema) => z.pipe(z.transform(unsetIfEmpty), schema);

const jsonText = z.pipe(
  z.string(),
  z.transform((text, check) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      check.issues.push({ code: 'custom', message: 'is not valid JSON', input: text });
      return z.NEVER;
    }
  }),
);

/** CORS_ALLOWED_ORIGINS as the stack writes it: `*`, or origins separated by commas. */
export const parseAllowedOrigins = (setting = '*'): string[] =>
  setting
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');

const variables = {
  /** The one DynamoDB table. */
  TABLE_NAME: variable(z.optional(z.string())),
  /** DynamoDB Local; unset in AWS, where the SDK uses the function's region and role. */
  DYNAMODB_ENDPOINT: variable(z.optional(z.url({ protocol: /^https?$/ }))),
  /** Set by Lambda itself; the Secrets Manager call and the client of a local endpoint need it (DynamoDB Local accepts any region). */
  AWS_REGION: variable(z._default(z.string(), 'us-east-1')),
  /** The `stage` dimension of the business metrics, so two stages in one account never mix their figures. */
  INCR_STAGE: variable(z._default(z.string(), 'local')),
  /** package.json's version, reported by GET /stats. */
  INCR_VERSION: variable(z._default(z.string(), 'unknown')),
  /** The structured logs' `service`. */
  POWERTOOLS_SERVICE_NAME: variable(z._default(z.string(), 'incr')),
  /** `*`, or the comma-separated origins whose pages may read the answers (lambdas/shared/cors.ts). */
  CORS_ALLOWED_ORIGINS: variable(z.pipe(z.optional(z.string()), z.transform(parseAllowedOrigins))),
  /** The account plans as JSON, for the routes that enforce them; countr's plans otherwise. */
  INCR_PLANS: variable(z._default(z.pipe(jsonText, plansSchema), defaultPlans)),
  /** The deployer's `incr:defaultPlan`: also the plan of an owner whose plan INCR_PLANS no longer lists. */
  INCR_DEFAULT_PLAN: variable(z.optional(z.string())),
  /** In AWS: the Secrets Manager secret holding the IP-hash key, read on first use. */
  IP_HASH_SECRET_ARN: variable(z.optional(z.string())),
  /** Locally: the IP-hash key itself (the local server keeps it in its data folder). */
  IP_HASH_SECRET: variable(z.optional(z.string())),
  /** The route this function serves; the local server serves every route in one process and leaves it unset. */
  ROUTE_ID: variable(z.optional(z.string())),
  /**
   * For the fallback route: every path of the route table and its methods (`{"/v1/keys":["GET","POST"]}`),
   * so that it can tell a wrong method (405) from an unknown path (404) without bundling the route table.
   */
  INCR_ROUTE_METHODS: variable(z._default(z.pipe(jsonText, z.record(z.string(), z.array(z.string()))), {})),
  /** The share of ordinary requests whose request line is logged (every 5xx and slow one is); unset, every request's. */
  INCR_REQUEST_LOG_SAMPLE_RATE: variable(z._default(z.coerce.number().check(z.minimum(0), z.maximum(1)), 1)),
  /** From this duration on, a request counts as slow and its line is always logged. */
  INCR_SLOW_REQUEST_MS: variable(z._default(z.coerce.number().check(z.positive()), 250)),
};

/** The names of the variables a function reads, and so the only ones its environment needs. */
export type ConfigVariable = keyof typeof variables;
export const configVariables = Object.keys(variables) as ConfigVariable[];

/** Not strict: a process environment holds many other variables. */
const configSchema = z.pipe(
  z.object(variables),
  z.transform((env) => ({
    tableName: env.TABLE_NAME,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT,
    region: env.AWS_REGION,
    stage: env.INCR_STAGE,
    version: env.INCR_VERSION,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
    corsOrigins: env.CORS_ALLOWED_ORIGINS,
    plans: env.INCR_PLANS,
    defaultPlan: env.INCR_DEFAULT_PLAN,
    ipHashSecret: { arn: env.IP_HASH_SECRET_ARN, local: env.IP_HASH_SECRET },
    routeId: env.ROUTE_ID,
    routeMethods: env.INCR_ROUTE_METHODS,
    requestLog: { sampleRate: env.INCR_REQUEST_LOG_SAMPLE_RATE, slowMs: env.INCR_SLOW_REQUEST_MS },
  })),
);

type FunctionConfig = z.output<typeof configSchema>;

/** A function's environment is wrong: the message names each offending variable. */
class FunctionConfigError extends Error {
  override name = 'FunctionConfigError';
}

export const parseFunctionConfig = (env: Readonly<Record<string, string | undefined>>): FunctionConfig => {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new FunctionConfigError(`Invalid function configuration in the environment:\n  ${problems.join('\n  ')}`);
};
