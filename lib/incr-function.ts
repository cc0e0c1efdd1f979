import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Plans } from '../lambdas/shared/plans.ts';
import type { IncrConfig } from './config.ts';
import { Construct } from 'constructs';
import { functionBundling } from './function-bundling.ts';
import { functionEnvironment } from './function-environment.ts';
import type { Route } from './routes.ts';

/** Route entries and the lock file are relative to the repository root, wherever it is checked out. */
const repositoryRoot = new URL('../', import.meta.url);
const fromRepositoryRoot = (relativePath: string) => fileURLToPath(new URL(relativePath, repositoryRoot));

export interface IncrFunctionProps {
  route: Route;
  stage: string;
  logRetention: RetentionDays;
  table: ITableV2;
  ipHashSecret: ISecret;
  /** `['*']`, or the origins whose pages may read the answers (lambdas/shared/cors.ts). */
  corsOrigins: readonly string[];
  /** The account plans, for the routes that enforce them. */
  plans: Plans;
  /** Log levels, tracing and the request log's sampling (docs/cost.md). */
  observability: IncrConfig['observability'];
  /** The plan of owners created without one, and of owners whose plan `plans` no longer lists. */
  defaultPlan: string;
}

/**
 * One route's Lambda function with the defaults every Incr function shares. It wires the
 * environment and lets the function write its own log group, nothing else; the stack grants
 * exactly the table permissions the route table lists.
 */
export class IncrFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, { route, stage, logRetention, table, ipHashSecret, corsOrigins, plans, observability, defaultPlan }: IncrFunctionProps) {
    super(scope, id);
    const functionName = `incr-${stage}-${route.id}`;

    // Created here rather than by Lambda on first invocation, so that it has a retention period
    // and disappears with the stack; the logs are not worth keeping once the function is gone.
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of the AWSLambdaBasicExecutionRole managed policy, which would let the
    // function create and write any log group of the account.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Incr ${stage}: ${route.id} function (${route.routeKeys.join(', ')})`,
    });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      functionName,
      entry: fromRepositoryRoot(route.entry),
      handler: 'handler',
      depsLockFilePath: fromRepositoryRoot('package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      // 256 MB buys proportionally more CPU than the 128 MB minimum, which shortens cold starts
      // (SDK initialisation is CPU-bound) for little more cost per request.
      memorySize: 256,
      timeout: Duration.seconds(10),
      tracing: observability.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      // JSON is what lets Lambda filter by level: WARN drops START/END/REPORT, keeps its failure reports.
      loggingFormat: LoggingFormat.JSON,
      systemLogLevelV2: SystemLogLevel[observability.systemLogLevel],
      applicationLogLevelV2: ApplicationLogLevel[observability.applicationLogLevel],
      role,
      environment: functionEnvironment({ stage, corsOrigins, plans, observability, defaultPlan }, { tableName: table.tableName, ipHashSecret: { arn: ipHashSecret.secretArn } }, route),
      bundling: {
        ...functionBundling,
        // The route's `packageFiles`, which the handler reads from disk and esbuild therefore cannot
        // bundle, go where Node's resolution finds them from the bundle (inputDir: the repository root).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) =>
            (route.packageFiles ?? []).map((file) => `mkdir -p "${outputDir}/node_modules/${dirname(file)}" && cp "${inputDir}/node_modules/${file}" "${outputDir}/node_modules/${file}"`),
        },
      },
    });

    if (observability.tracing) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level ' +
          'permissions: AWS documents "*" as their only resource. Every other statement of this role names its resource.',
      });
    }
  }
}
