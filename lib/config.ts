import { readFileSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { LogGroupClass, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import * as z from 'zod';
import { defaultPlans, plansSchema } from '../lambdas/shared/plans.ts';

/**
 * Deploy configuration, read from the CDK context (cdk.json `context`, or `cdk synth -c key=value`).
 * Every key carries the `incr:` prefix so it cannot collide with CDK's own context keys. A new
 * setting is one more entry in `contextShape` and one more field in `toConfig`.
 */

const retentionDays = Object.values(RetentionDays).filter((value): value is RetentionDays => typeof value === 'number');

/** `cdk synth -c incr:logRetentionDays=7` hands the value over as a string. */
const integerFromCommandLine = (value: unknown): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** A list or an object given with `-c` arrives as its JSON text; a list may also be comma-separated. */
const jsonFromCommandLine = (value: unknown): unknown => {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};
const listFromCommandLine = (value: unknown): unknown => {
  const parsed = jsonFromCommandLine(value);
  return typeof parsed === 'string' ? parsed.split(',').map((item) => item.trim()) : parsed;
};

const requestsPerSecond = (defaultValue: number) =>
  z.preprocess(integerFromCommandLine, z.number().int().positive('must be a positive whole number of requests per second')).default(defaultValue);

/** `cdk synth -c incr:debug=true` hands the value over as a string. */
const booleanFromCommandLine = (value: unknown): unknown => (value === 'true' ? true : value === 'false' ? false : value);
const numberFromCommandLine = (value: unknown): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/**
 * What the functions log and trace, and what that costs: docs/cost.md. Each of these keys is left
 * unset by default, so that `incr:debug` can turn on everything the defaults drop while a key that
 * is set still wins.
 */
const observabilityShape = {
  'incr:debug': z.preprocess(booleanFromCommandLine, z.boolean('must be true or false')).default(false),
  'incr:accessLogs': z.enum(['on', 'off'], 'must be "on" or "off" (HTTP APIs cannot sample access logs)').optional(),
  'incr:accessLogClass': z.enum(['standard', 'infrequent-access'], 'must be "standard" or "infrequent-access"').optional(),
  'incr:tracing': z
    .enum(['active', 'off'], 'must be "active" (Lambda samples the first request each second and 5 % of the rest) or "off"')
    .optional(),
  'incr:systemLogLevel': z.enum(['DEBUG', 'INFO', 'WARN'], 'must be DEBUG, INFO (START/END/REPORT lines) or WARN').optional(),
  // WARN and above would drop the EMF lines: Lambda gives a line without a level the level INFO.
  'incr:applicationLogLevel': z
    .enum(['TRACE', 'DEBUG', 'INFO'], 'must be TRACE, DEBUG or INFO: above INFO Lambda would drop the business metrics (EMF lines have no level, which Lambda reads as INFO)')
    .optional(),
  'incr:requestLogSampleRate': z
    .preprocess(numberFromCommandLine, z.number('must be a number from 0 to 1').min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'))
    .optional(),
  'incr:slowRequestMs': z.preprocess(integerFromCommandLine, z.number().int().positive('must be a positive whole number of milliseconds')).default(250),
};

const originPattern = /^https?:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
const corsOrigins = z
  .array(
    z.string().refine((origin) => origin === '*' || originPattern.test(origin), {
      message: 'must be "*" or an origin: scheme://host[:port], lowercase, without path or trailing slash',
    }),
  )
  .nonempty('list at least one origin, or "*"')
  .refine((origins) => origins.length === 1 || !origins.includes('*'), { message: '"*" already allows every origin: list it alone' });

const contextShape = {
  'incr:stage': z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'must be 1-20 lowercase letters, digits or hyphens, starting with a letter')
    .default('prod'),
  'incr:logRetentionDays': z
    .preprocess(
      integerFromCommandLine,
      z.number().refine((days) => retentionDays.includes(days), {
        message: `must be one of CloudWatch Logs' retention periods in days (${retentionDays.join(', ')})`,
      }),
    )
    .default(RetentionDays.ONE_MONTH),
  'incr:tableRemovalPolicy': z.enum(['retain', 'destroy']).default('retain'),
  'incr:domainName': z
    .string()
    .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lowercase host name such as api.example.com')
    .optional(),
  'incr:certificateArn': z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, 'must be the ARN of an ACM certificate')
    .optional(),
  'incr:corsOrigins': z.preprocess(listFromCommandLine, corsOrigins).default(['*']),
  'incr:throttleRateLimit': requestsPerSecond(1_000),
  'incr:throttleBurstLimit': requestsPerSecond(2_000),
  'incr:createThrottleRateLimit': requestsPerSecond(50),
  'incr:createThrottleBurstLimit': requestsPerSecond(100),
  'incr:alarmEmail': z.email('must be an e-mail address').optional(),
  'incr:plans': z.preprocess(jsonFromCommandLine, plansSchema).default(defaultPlans),
  'incr:defaultPlan': z.string().optional(),
  ...observabilityShape,
};

type Context = z.output<z.ZodObject<typeof contextShape>>;

/** Every deploy setting's context key: docs/configuration.md lists exactly these (test/configuration-docs.test.ts). */
export const deployContextKeys = Object.keys(contextShape);

const checkCustomDomain = (context: Context, check: z.RefinementCtx) => {
  const [hasDomain, hasCertificate] = [context['incr:domainName'] !== undefined, context['incr:certificateArn'] !== undefined];
  if (hasDomain && !hasCertificate) {
    check.addIssue({ code: 'custom', path: ['incr:certificateArn'], message: 'is required when incr:domainName is set' });
  }
  if (hasCertificate && !hasDomain) {
    check.addIssue({ code: 'custom', path: ['incr:domainName'], message: 'is required when incr:certificateArn is set' });
  }
};

/**
 * The defaults keep the alarms, the dashboard and every error and slow request, and drop what is
 * paid per request without being read (docs/cost.md); `incr:debug` brings all of it back.
 */
const observabilityOf = (context: Context) => {
  const debug = context['incr:debug'];
  return {
    accessLogs: (context['incr:accessLogs'] ?? (debug ? 'on' : 'off')) === 'on',
    /** Only the API's access logs: EMF, which the function log groups carry, does not work on Infrequent Access. */
    accessLogClass: context['incr:accessLogClass'] === 'infrequent-access' ? LogGroupClass.INFREQUENT_ACCESS : LogGroupClass.STANDARD,
    tracing: (context['incr:tracing'] ?? (debug ? 'active' : 'off')) === 'active',
    systemLogLevel: context['incr:systemLogLevel'] ?? (debug ? 'INFO' : 'WARN'),
    applicationLogLevel: context['incr:applicationLogLevel'] ?? (debug ? 'DEBUG' : 'INFO'),
    requestLog: { sampleRate: context['incr:requestLogSampleRate'] ?? (debug ? 1 : 0.01), slowMs: context['incr:slowRequestMs'] },
  };
};

/** The first plan of the table (countr's `free`), the one an owner whose plan was removed falls back to, unless the deployer names another. */
const defaultPlanOf = (context: Context) => context['incr:defaultPlan'] ?? Object.keys(context['incr:plans'])[0]!;

const checkDefaultPlan = (context: Context, check: z.RefinementCtx) => {
  if (!context['incr:plans'][defaultPlanOf(context)]) {
    check.addIssue({ code: 'custom', path: ['incr:defaultPlan'], message: `must name a plan of incr:plans (${Object.keys(context['incr:plans']).join(', ')})` });
  }
};

const toConfig = (context: Context) => ({
  /** Suffix of the stack name (`Incr-<stage>`) and prefix of named resources (`incr-<stage>-...`). */
  stage: context['incr:stage'],
  logRetention: context['incr:logRetentionDays'] as RetentionDays,
  tableRemovalPolicy: context['incr:tableRemovalPolicy'] === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  customDomain:
    context['incr:domainName'] && context['incr:certificateArn']
      ? { domainName: context['incr:domainName'], certificateArn: context['incr:certificateArn'] }
      : undefined,
  /** `['*']` lets every origin read the answers (CountAPI's behaviour); otherwise only these. */
  corsOrigins: context['incr:corsOrigins'] as string[],
  /** API Gateway's default throttle for every route of the stage. */
  throttle: { rateLimit: context['incr:throttleRateLimit'], burstLimit: context['incr:throttleBurstLimit'] },
  /** The stricter throttle of the routes that create things (route table `creates`). */
  createThrottle: { rateLimit: context['incr:createThrottleRateLimit'], burstLimit: context['incr:createThrottleBurstLimit'] },
  /** Subscribed to the alarm topic when set (the address must confirm the subscription). */
  alarmEmail: context['incr:alarmEmail'],
  /** The account plans the quota functions enforce. */
  plans: context['incr:plans'],
  /** The plan of owners created without one (the CLI's `create-owner`, the local demo owner). */
  defaultPlan: defaultPlanOf(context),
  /** Logs, access logs and tracing: what is written per request, and so what it costs. */
  observability: observabilityOf(context),
});

const contextSchema = z.strictObject(contextShape).superRefine(checkCustomDomain).superRefine(checkDefaultPlan).transform(toConfig);

export type IncrConfig = z.output<typeof contextSchema>;

const contextKeyPrefix = 'incr:';

/** The offending value, or the whole setting when it was given as text (a `-c` value). */
const valueAt = (context: Record<string, unknown>, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : value), context);

/** A deploy setting is wrong: the message names each offending context key. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  /** One line per offending setting, each starting with its context key. */
  constructor(message: string, readonly problems: readonly string[] = []) {
    super(message);
  }
}

/**
 * Validates the `incr:` keys of a CDK context (any other key is CDK's own), so that a misspelled
 * key fails instead of silently leaving its setting at the default.
 */
export const parseDeployContext = (allContext: Record<string, unknown>, source = 'the CDK context (cdk.json or cdk -c)'): IncrConfig => {
  const context: Record<string, unknown> = Object.fromEntries(Object.entries(allContext).filter(([key]) => key.startsWith(contextKeyPrefix)));
  const result = contextSchema.safeParse(context);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown context key ${issue.keys.join(', ')} (known: ${deployContextKeys.join(', ')})`;
    }
    const got = valueAt(context, issue.path);
    return `${issue.path.join('.')}: ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
  });
  throw new ConfigError(`Invalid deploy configuration in ${source}:\n  ${problems.join('\n  ')}`, problems);
};

/** The deploy configuration as the synth sees it from `node` (normally the App's): cdk.json, then `cdk -c`. */
export const loadConfig = (node: Node): IncrConfig => parseDeployContext(node.getAllContext() as Record<string, unknown>);

const cdkJson = new URL('../cdk.json', import.meta.url);

/** What a local run (`npm start`, the CLI) takes from its environment instead of cdk.json, in the format of `-c`. */
export const environmentOverrides = (env: NodeJS.ProcessEnv = process.env) => ({
  'incr:corsOrigins': env.CORS_ALLOWED_ORIGINS,
  'incr:plans': env.INCR_PLANS,
  'incr:defaultPlan': env.INCR_DEFAULT_PLAN,
});

/** cdk.json's `context`, the feature flags included: what `cdk synth` hands the app, for a synth outside the CDK CLI (the tests'). */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(cdkJson, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};

/**
 * The deploy configuration of cdk.json, for what runs outside a synth (the local server, the CLI).
 * `overrides` play the part of `cdk -c`: a key whose value is undefined keeps cdk.json's.
 */
export const loadCdkJsonConfig = (overrides: Record<string, unknown> = {}): IncrConfig => {
  const context = cdkJsonContext();
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return parseDeployContext({ ...context, ...given }, Object.keys(given).length > 0 ? `cdk.json (overridden with ${Object.keys(given).join(', ')})` : 'cdk.json');
};
