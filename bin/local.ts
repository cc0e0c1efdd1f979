/**
 * `npm start`: the whole API on this machine, configured by cdk.json like a deployed stack.
 * Environment (lib/local/environment.ts checks each one): PORT (3000; 0 picks a free one), HOST
 * (127.0.0.1), TABLE_NAME (incr-local), INCR_IN_MEMORY (1/0/true/false/yes/no: no data kept between
 * runs), INCR_DATA_DIR (.incr-data), DYNAMODB_ENDPOINT (use that DynamoDB instead of starting
 * DynamoDB Local), CORS_ALLOWED_ORIGINS, INCR_PLANS and INCR_DEFAULT_PLAN (instead of cdk.json's
 * incr:corsOrigins, incr:plans and incr:defaultPlan), POWERTOOLS_LOG_LEVEL, POWERTOOLS_METRICS_DISABLED.
 */
import { ConfigError } from '../lib/config.ts';
import { routes } from '../lib/routes.ts';
import { startDevServer } from '../lib/local/dev-server.ts';
import { readLocalEnvironment } from '../lib/local/environment.ts';
import { StartupError } from '../lib/local/startup-error.ts';
import { localUrl } from '../lib/local/server.ts';

// Started with a Node older than .nvmrc's (not through npm start), the SDK would warn on every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// In AWS, a handler's stray rejection or exception crashes its runtime and Lambda starts another;
// here it would take the whole API down: report it and keep serving.
process.on('unhandledRejection', (reason) => console.error('Unhandled promise rejection:', reason));
process.on('uncaughtException', (error) => console.error('Uncaught exception:', error));

const fail = (error: unknown): never => {
  console.error(error instanceof StartupError || error instanceof ConfigError ? `Incr could not start: ${error.message}` : error);
  process.exit(1);
};

const start = async () => {
  const environment = readLocalEnvironment();
  // Each request's log line is useful here; its EMF metrics line only matters to CloudWatch.
  process.env.POWERTOOLS_METRICS_DISABLED = String(environment.POWERTOOLS_METRICS_DISABLED ?? true);
  const server = await startDevServer({
    routes,
    port: environment.PORT,
    host: environment.HOST,
    tableName: environment.TABLE_NAME,
    dynamodbEndpoint: environment.DYNAMODB_ENDPOINT,
    inMemory: environment.INCR_IN_MEMORY,
    // The functions' own variables, in the format the stack writes them, which `cdk -c` accepts too.
    config: environment.config,
  });
  return { server, host: environment.HOST };
};

const { server, host } = await start().catch(fail);
if (server.demoOwner) {
  const { ownerId, adminKey, useKey } = server.demoOwner;
  console.log(`First start: created demo owner ${ownerId}. Its keys are stored only as hashes and shown only now:`);
  console.log(`  admin key: ${adminKey.key}`);
  console.log(`  use key:   ${useKey.key}`);
}
const base = localUrl(host, server.port);
// One write, so that whoever waits for the ready line also has the lines after it.
console.log(
  [
    `Incr is running at ${base}`,
    `  landing page:   ${base}/`,
    `  console:        ${base}/console`,
    `  API reference:  ${base}/docs`,
  ].join('\n'),
);

let stopping = false;
const stop = (exitCode = 0) => {
  // A second Ctrl-C must not exit before Java is gone.
  if (stopping) return;
  stopping = true;
  server.stop().then(() => process.exit(exitCode), fail);
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

// Without its DynamoDB every request would answer 503: say why and stop, rather than serve errors.
void server.dynamodbDied.then((reason) => {
  console.error(`Incr stopped: ${reason}`);
  stop(1);
});

// Under `npm start` this process is npm's child (package.json's `exec`). Killed outright, npm cannot
// take it along and it would go on serving as an orphan: it follows npm instead.
if (process.env.npm_lifecycle_event === 'start') {
  const npmPid = process.ppid;
  setInterval(() => process.ppid !== npmPid && stop(), 1_000).unref();
}
