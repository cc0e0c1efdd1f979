/**
 * `npm start`: the whole API on this machine, configured by cdk.json like a deployed stack.
 * Environment: PORT (3000), HOST (127.0.0.1), TABLE_NAME (incr-local), INCR_IN_MEMORY=1 (no data
 * kept between runs), INCR_DATA_DIR (.incr-data), DYNAMODB_ENDPOINT (use that DynamoDB instead of
 * starting DynamoDB Local), CORS_ALLOWED_ORIGINS and INCR_PLANS (instead of cdk.json's
 * incr:corsOrigins and incr:plans).
 */
import { ConfigError, environmentOverrides, loadCdkJsonConfig } from '../lib/config.ts';
import { routes } from '../lib/routes.ts';
import { startDevServer } from '../lib/local/dev-server.ts';
import { StartupError } from '../lib/local/startup-error.ts';

// The SDK warns on every start that its 2027 releases will need Node 22: noise for a dev server.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Each request's log line is useful here; its EMF metrics line only matters to CloudWatch.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

// In AWS, a handler's stray rejection or exception crashes its runtime and Lambda starts another;
// here it would take the whole API down: report it and keep serving.
process.on('unhandledRejection', (reason) => console.error('Unhandled promise rejection:', reason));
process.on('uncaughtException', (error) => console.error('Uncaught exception:', error));

const host = process.env.HOST ?? '127.0.0.1';

const parsePort = (text = '3000'): number => {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new StartupError(`PORT must be a port number, not '${text}'.`);
  return port;
};

const fail = (error: unknown): never => {
  console.error(error instanceof StartupError || error instanceof ConfigError ? `Incr could not start: ${error.message}` : error);
  process.exit(1);
};

const start = async () =>
  startDevServer({
    routes,
    port: parsePort(process.env.PORT),
    host,
    tableName: process.env.TABLE_NAME ?? 'incr-local',
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT,
    inMemory: process.env.INCR_IN_MEMORY === '1',
    // The functions' own variables, in the format the stack writes them, which `cdk -c` accepts too.
    config: loadCdkJsonConfig(environmentOverrides()),
  });

const server = await start().catch(fail);
if (server.demoOwner) {
  const { ownerId, adminKey, useKey } = server.demoOwner;
  console.log(`First start: created demo owner ${ownerId}. Its keys are stored only as hashes and shown only now:`);
  console.log(`  admin key: ${adminKey.key}`);
  console.log(`  use key:   ${useKey.key}`);
}
const shownHost = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(host) ? 'localhost' : host;
console.log(`Incr is running at http://${shownHost}:${new URL(server.url).port}`);

let stopping = false;
const stop = () => {
  // A second Ctrl-C must not exit before Java is gone.
  if (stopping) return;
  stopping = true;
  server.stop().then(() => process.exit(0), fail);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Under `npm start` this process is npm's child (package.json's `exec`). Killed outright, npm cannot
// take it along and it would go on serving as an orphan: it follows npm instead.
if (process.env.npm_lifecycle_event === 'start') {
  const npmPid = process.ppid;
  setInterval(() => process.ppid !== npmPid && stop(), 1_000).unref();
}
