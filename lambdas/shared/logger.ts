import type { Context } from 'aws-lambda';
import { clock } from './clock.ts';
import { config } from './config.ts';

/**
 * Structured JSON log lines in the shape Powertools Logger printed (docs/operations.md, "Logs"):
 * `level`, `message`, `timestamp`, `service`, then the invocation's `cold_start`, `function_arn`,
 * `function_memory_size`, `function_name`, `function_request_id` and the X-Ray `xray_trace_id`,
 * then the line's own fields. Ours because Powertools' Logger added ~15 KB to every bundle
 * (docs/cold-starts.md) for what is one JSON.stringify per line here.
 */

const thresholds = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type LevelName = keyof typeof thresholds;
type Environment = Partial<Record<string, string>>;

const levelNamed = (value: string | undefined): LevelName | undefined => {
  const name = value?.trim().toUpperCase();
  // Lambda's name for the level Powertools calls CRITICAL.
  const level = name === 'FATAL' ? 'CRITICAL' : name;
  return level !== undefined && level in thresholds ? (level as LevelName) : undefined;
};

/**
 * Lambda's application log level (set by the stack's JSON log format) wins over POWERTOOLS_LOG_LEVEL,
 * as with Powertools: Lambda drops the lines below it anyway, and printing them would only cost time.
 */
export const logLevelOf = (environment: Environment): LevelName =>
  levelNamed(environment.AWS_LAMBDA_LOG_LEVEL) ?? levelNamed(environment.POWERTOOLS_LOG_LEVEL ?? environment.LOG_LEVEL) ?? 'INFO';

/** `file:line` of the first stack frame, as Powertools located errors. */
const locationOf = (stack: string | undefined): string => {
  for (const line of stack?.split('\n') ?? []) {
    const frame = /\(([^()]*?):(\d+?):(\d+?)\)\\?$/.exec(line);
    if (frame) return `${frame[1]}:${Number(frame[2])}`;
  }
  return '';
};

const errorFields = (error: Error): Record<string, unknown> => {
  const { name, message, stack, cause, ...own } = error as Error & Record<string, unknown>;
  return { name, location: locationOf(stack), message, stack, cause: cause instanceof Error ? errorFields(cause) : cause, ...own };
};

/**
 * Errors as their fields (JSON.stringify would print `{}`), bigints as strings, and an object that
 * contains itself cut off instead of throwing: an SDK error's own fields can hold cycles.
 */
const replacer = () => {
  // The objects being printed, outermost first; an Error is followed by the fields it was replaced with.
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || value === null) return value;
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
    if (ancestors.includes(value)) return undefined;
    const replaced = value instanceof Error ? errorFields(value) : value;
    ancestors.push(value, replaced);
    return replaced;
  };
};

type Fields = Record<string, unknown>;

/** As Powertools did: a field without a value (undefined, null, '') is left off the line. */
const withoutEmpty = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== ''));
type Output = { stdout: { write(line: string): unknown }; stderr: { write(line: string): unknown } };

export class Logger {
  private readonly threshold: number;
  private invocation: Fields = {};
  /** Lambda tells a cold start from a provisioned or snap-started one only through this variable. */
  private coldStart: boolean;

  constructor(
    private readonly serviceName: string,
    private readonly environment: Environment = process.env,
    private readonly output: Output = process,
  ) {
    this.threshold = thresholds[logLevelOf(environment)];
    this.coldStart = environment.AWS_LAMBDA_INITIALIZATION_TYPE?.trim() === 'on-demand';
  }

  /** The invocation's fields, on every line until the next invocation. */
  addContext(context: Context): void {
    this.invocation = {
      cold_start: this.coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.coldStart = false;
  }

  debug(message: string, fields?: Fields): void {
    this.print('DEBUG', message, fields);
  }

  info(message: string, fields?: Fields): void {
    this.print('INFO', message, fields);
  }

  warn(message: string, fields?: Fields): void {
    this.print('WARN', message, fields);
  }

  /** The error goes under `error`, as Powertools put it. */
  error(message: string, error?: Error | Fields): void {
    this.print('ERROR', message, error instanceof Error ? { error } : error);
  }

  private print(level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR', message: string, fields: Fields = {}): void {
    if (thresholds[level] < this.threshold) return;
    const line = withoutEmpty({
      level,
      message,
      timestamp: new Date(clock.now()).toISOString(),
      service: this.serviceName,
      ...this.invocation,
      xray_trace_id: this.traceId(),
      ...fields,
    });
    // Powertools wrote through a Console: warnings and errors to stderr, the rest to stdout.
    const stream = level === 'WARN' || level === 'ERROR' ? this.output.stderr : this.output.stdout;
    stream.write(`${JSON.stringify(line, replacer())}\n`);
  }

  /** The Root of Lambda's `_X_AMZN_TRACE_ID` (`Root=…;Parent=…;Sampled=…`), set per invocation. */
  private traceId(): string | undefined {
    const header = this.environment._X_AMZN_TRACE_ID?.trim();
    if (!header) return undefined;
    if (!header.includes('=')) return header;
    return header
      .split(';')
      .map((part) => part.split('='))
      .find(([key]) => key === 'Root')?.[1];
  }
}

/** One logger per container. */
export const logger = new Logger(config.serviceName);
