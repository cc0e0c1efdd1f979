import * as z from 'zod';
import { ConfigError, environmentOverrides, loadCdkJsonConfig, type IncrConfig } from '../config.ts';
import { StartupError } from './startup-error.ts';

/**
 * Every variable `npm start` reads, as one schema, so that a wrong value stops it at once with a
 * message naming the variable instead of being ignored (INCR_IN_MEMORY=true once was) or failing
 * later as a stack trace. The deploy settings it takes instead of cdk.json's (CORS_ALLOWED_ORIGINS,
 * INCR_PLANS, INCR_DEFAULT_PLAN) are checked by the deploy configuration's own schema.
 */

/** `VAR= npm start` sets an empty variable: it means unset, as for the shell. */
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

const booleanWords = { '1': true, true: true, yes: true, '0': false, false: false, no: false } as const;
const boolean = z
  .string()
  .transform((text, check) => {
    const value = booleanWords[text.toLowerCase() as keyof typeof booleanWords];
    if (value === undefined) check.addIssue({ code: 'custom', message: 'must be 1, 0, true, false, yes or no' });
    return value ?? z.NEVER;
  })
  .optional();

const logLevels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'];

const variables = {
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535 (0 picks a free one)')
    .transform(Number)
    .refine((port) => port <= 65_535, 'must be a port number from 0 to 65535 (0 picks a free one)')
    .default(3000),
  HOST: z.string().regex(/^[^\s/]+$/, 'must be an address or host name to listen on, such as 127.0.0.1, ::1 or 0.0.0.0').default('127.0.0.1'),
  // DynamoDB's rule for table names.
  TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3-255 letters, digits, _ . or -').default('incr-local'),
  INCR_IN_MEMORY: boolean.default(false),
  INCR_DATA_DIR: z.string().optional(),
  DYNAMODB_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8000' }).optional(),
  POWERTOOLS_LOG_LEVEL: z
    .string()
    .refine((level) => logLevels.includes(level.toUpperCase()), `must be one of ${logLevels.join(', ')}`)
    .optional(),
  POWERTOOLS_METRICS_DISABLED: boolean,
};

const environmentSchema = z.object(Object.fromEntries(Object.entries(variables).map(([name, schema]) => [name, z.preprocess(unsetIfEmpty, schema)])) as {
  [Name in keyof typeof variables]: z.ZodPipe<z.ZodTransform<unknown, unknown>, (typeof variables)[Name]>;
});

/** The variable each overridable deploy setting comes from (lib/config.ts environmentOverrides). */
const overrideVariables = Object.fromEntries(
  Object.entries(environmentOverrides({ CORS_ALLOWED_ORIGINS: 'CORS_ALLOWED_ORIGINS', INCR_PLANS: 'INCR_PLANS', INCR_DEFAULT_PLAN: 'INCR_DEFAULT_PLAN' })),
) as Record<string, string>;

/** A deploy setting's problem, told by the variable that set it (or as cdk.json's, if cdk.json is wrong). */
const asVariable = (problem: string) => {
  const key = Object.keys(overrideVariables).find((contextKey) => problem.startsWith(contextKey));
  // `incr:corsOrigins.0: ...` names an item of the list; the variable is the whole list.
  return key ? `${overrideVariables[key]}${problem.slice(key.length).replace(/^\.\d+:/, ':')}` : `cdk.json ${problem}`;
};

export type LocalEnvironment = z.output<typeof environmentSchema> & { config: IncrConfig };

/** The local server's settings from `env`, or a StartupError naming every wrong variable, on one line. */
export const readLocalEnvironment = (env: NodeJS.ProcessEnv = process.env): LocalEnvironment => {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`);
    throw new StartupError(problems.join('; '));
  }
  try {
    return { ...result.data, config: loadCdkJsonConfig(environmentOverrides(env)) };
  } catch (error) {
    if (!(error instanceof ConfigError) || error.problems.length === 0) throw error;
    throw new StartupError(error.problems.map(asVariable).join('; '));
  }
};
