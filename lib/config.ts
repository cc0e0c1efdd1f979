import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import * as z from 'zod';

/**
 * Deploy configuration, read from the CDK context (cdk.json `context`, or `cdk synth -c key=value`).
 * Every key carries the `incr:` prefix so it cannot collide with CDK's own context keys. A new
 * setting is one more entry in `contextShape` and one more field in `toConfig`.
 */

const retentionDays = Object.values(RetentionDays).filter((value): value is RetentionDays => typeof value === 'number');

/** `cdk synth -c incr:logRetentionDays=7` hands the value over as a string. */
const integerFromCommandLine = (value: unknown): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

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
};

const toConfig = (context: z.output<z.ZodObject<typeof contextShape>>) => ({
  /** Suffix of the stack name (`Incr-<stage>`) and prefix of named resources (`incr-<stage>-...`). */
  stage: context['incr:stage'],
  logRetention: context['incr:logRetentionDays'] as RetentionDays,
  tableRemovalPolicy: context['incr:tableRemovalPolicy'] === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});

const contextSchema = z.strictObject(contextShape).transform(toConfig);

export type IncrConfig = z.output<typeof contextSchema>;

const contextKeyPrefix = 'incr:';

/**
 * Reads every `incr:` context key visible from `node` (normally the App's), so that a misspelled
 * key fails the synth instead of silently leaving its setting at the default.
 */
export const loadConfig = (node: Node): IncrConfig => {
  const context: Record<string, unknown> = Object.fromEntries(
    Object.entries(node.getAllContext() as Record<string, unknown>).filter(([key]) => key.startsWith(contextKeyPrefix)),
  );
  const result = contextSchema.safeParse(context);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown context key ${issue.keys.join(', ')} (known: ${Object.keys(contextShape).join(', ')})`
      : `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(context[String(issue.path[0])])})`,
  );
  throw new Error(`Invalid deploy configuration in the CDK context (cdk.json or cdk -c):\n  ${problems.join('\n  ')}`);
};
