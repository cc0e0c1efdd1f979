import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clock } from '../../lambdas/shared/clock.ts';
import type { IncrConfig } from '../config.ts';
import { functionEnvironment } from '../function-environment.ts';
import type { Route } from '../routes.ts';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local.ts';
import { loadOrCreateIpHashSecret, newIpHashSecret } from './ip-hash-secret.ts';
import { assertJava17 } from './java.ts';
import { startLocalApi, type LocalApi } from './server.ts';
import { StartupError } from './startup-error.ts';
import type { DemoOwner } from './demo-owner.ts';
import { publishLocalServer } from './server-registry.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface DevServerOptions {
  routes: readonly Route[];
  port: number;
  host: string;
  tableName: string;
  /** Use this DynamoDB instead of starting DynamoDB Local. */
  dynamodbEndpoint?: string;
  /** Keep DynamoDB Local's data and the IP hash secret in memory: a clean slate every run. */
  inMemory: boolean;
  /** Where persistent local state and the server's record for the CLI live; defaults to `localDataDir()`. */
  dataDir?: string;
  /** The deploy configuration whose plans and CORS origins the functions enforce, as in a stack deployed with it. */
  config: IncrConfig;
}

export interface DevServer {
  url: string;
  /** The port it listens on: the one chosen when asked for 0. */
  port: number;
  /** Settles if the DynamoDB Local it started exits on its own: every request would fail from then on. */
  dynamodbDied: Promise<string>;
  /** Present on the first start against a database: its keys are shown this once. */
  demoOwner?: DemoOwner;
  stop(): Promise<void>;
}

/**
 * The data folder shared by `npm start` and the CLI: INCR_DATA_DIR, or `<repo>/.incr-data` (git-ignored).
 * Another folder keeps a server (a test's, say) out of sight of the CLI's default.
 */
export const localDataDir = (): string => resolve(process.env.INCR_DATA_DIR ?? join(repoRoot, '.incr-data'));

const connectDynamoDb = async (options: DevServerOptions, dataDir: string): Promise<RunningDynamoDbLocal> => {
  if (options.dynamodbEndpoint) return { endpoint: options.dynamodbEndpoint, stop: async () => {} };
  assertJava17();
  return startDynamoDbLocal({ dataDir: options.inMemory ? undefined : join(dataDir, 'dynamodb') });
};

const listen = async (options: DevServerOptions): Promise<LocalApi> => {
  try {
    return await startLocalApi({ routes: options.routes, port: options.port, host: options.host });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${options.port} is already in use: set PORT to another one.`);
    if (code === 'EACCES') throw new StartupError(`PORT ${options.port} needs more privileges than this user has: choose a port above 1023, or 0 for a free one.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAFNOSUPPORT') {
      throw new StartupError(`HOST ${options.host} is no address of this machine (${code}): use 127.0.0.1, ::1, localhost or 0.0.0.0 (every interface).`);
    }
    throw error;
  }
};

/** Why the DynamoDB of DYNAMODB_ENDPOINT cannot be used, when the reason is the endpoint. */
const endpointProblem = (endpoint: string, error: unknown): unknown => {
  const { code, errors, name } = error as { code?: string; errors?: { code?: string }[]; name?: string };
  const networkCode = code ?? errors?.find((inner) => inner.code)?.code;
  if (networkCode === 'ECONNREFUSED') return new StartupError(`DYNAMODB_ENDPOINT ${endpoint}: nothing is listening there. Start DynamoDB there, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local.`);
  if (networkCode === 'ENOTFOUND' || networkCode === 'EAI_AGAIN') return new StartupError(`DYNAMODB_ENDPOINT ${endpoint}: its host name does not resolve. Fix it, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local.`);
  if (networkCode === 'ETIMEDOUT' || networkCode === 'ECONNRESET') return new StartupError(`DYNAMODB_ENDPOINT ${endpoint} did not answer (${networkCode}): is it a DynamoDB?`);
  if (name === 'UnknownError' || name === 'SerializationException' || (error as { $metadata?: unknown }).$metadata !== undefined) {
    return new StartupError(`DYNAMODB_ENDPOINT ${endpoint} answered, but not as DynamoDB does (${name}): is it a DynamoDB endpoint?`);
  }
  return error;
};

/**
 * The whole stack on one machine: DynamoDB Local (unless an endpoint is given), the table, the
 * environment a stack of `options.config` gives its functions, and every route served as API
 * Gateway would. `stop()` also stops DynamoDB Local, so no Java process outlives it.
 *
 * The functions read their environment once, when their modules first load, and it is this
 * process's: once they have loaded, a second server in this process keeps the first one's configuration.
 */
export const startDevServer = async (options: DevServerOptions): Promise<DevServer> => {
  const dataDir = options.dataDir ?? localDataDir();
  const dynamodb = await connectDynamoDb(options, dataDir);
  try {
    await ensureTable(dynamodb.endpoint, options.tableName).catch((error: unknown) => {
      throw options.dynamodbEndpoint ? endpointProblem(options.dynamodbEndpoint, error) : error;
    });
    // Stage `local`: the metrics of a local run never count as a deployed stage's. Every request
    // line: here the log is the terminal, and costs nothing.
    const environment = functionEnvironment(
      { ...options.config, stage: 'local', observability: { requestLog: { ...options.config.observability.requestLog, sampleRate: 1 } } },
      {
        tableName: options.tableName,
        dynamodbEndpoint: dynamodb.endpoint,
        ipHashSecret: { local: options.inMemory ? newIpHashSecret() : loadOrCreateIpHashSecret(join(dataDir, 'ip-hash-secret')) },
      },
    );
    Object.assign(process.env, environment);
    // Loaded only now: the store modules it uses read the environment when they load.
    const { createDemoOwnerOnFirstStart } = await import('./demo-owner.ts');
    const demoOwner = await createDemoOwnerOnFirstStart(dynamodb.endpoint, options.tableName, { plan: options.config.defaultPlan, nowMs: clock.now() });

    const api = await listen(options);
    const withdraw = publishLocalServer(dataDir, { url: api.url, endpoint: dynamodb.endpoint, tableName: options.tableName });
    const died = dynamodb.died ?? new Promise<never>(() => {});
    return {
      url: api.url,
      port: api.port,
      dynamodbDied: died.then(
        ({ pid, code, signal }) => `DynamoDB Local (pid ${pid}) exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}): every request would fail; start npm start again.`,
      ),
      demoOwner,
      stop: async () => {
        try {
          withdraw();
          await api.close();
        } finally {
          await dynamodb.stop();
        }
      },
    };
  } catch (error) {
    await dynamodb.stop();
    throw error;
  }
};
