import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { isRunning, javaChildren, stillRunningAfter } from './processes.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const listTables = async (endpoint: string) => {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    return await client.send(new ListTablesCommand({}));
  } finally {
    client.destroy();
  }
};

/** What a TCP connection attempt to host:port ends with: 'connected', an error code, or 'timeout'. */
const tryConnect = (host: string, port: number): Promise<string> =>
  new Promise((settle) => {
    const socket = connect({ host, port, timeout: 3_000 });
    const end = (outcome: string) => {
      socket.destroy();
      settle(outcome);
    };
    socket.once('connect', () => end('connected'));
    socket.once('error', (error: NodeJS.ErrnoException) => end(error.code ?? 'error'));
    socket.once('timeout', () => end('timeout'));
  });

/**
 * The local addresses of the sockets listening on `port`, as /proc/net/tcp{,6} spell them (hex,
 * host byte order): what the kernel will accept connections on, whatever the interfaces are.
 */
const listeningAddresses = (port: number): string[] => {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter(([, local, , state]) => state === '0A' && local?.endsWith(`:${hexPort}`)) // 0A: LISTEN
      .map(([, local]) => local!.split(':')[0]!),
  );
};
const loopbackAddresses = [
  '0100007F', // 127.0.0.1
  '0000000000000000FFFF00000100007F', // ::ffff:127.0.0.1 (Java's IPv6 socket bound to 127.0.0.1)
  '00000000000000000000000001000000', // ::1
];

describe('DynamoDB Local (startDynamoDbLocal)', () => {
  it('listens on 127.0.0.1 only, never on the network', async () => {
    // The suite's own instance (test/global-setup.ts) is started by startDynamoDbLocal().
    const endpoint = inject('dynamodbEndpoint');
    const port = Number(new URL(endpoint).port);

    expect((await listTables(endpoint)).TableNames).toBeDefined();
    const addresses = listeningAddresses(port);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((address) => !loopbackAddresses.includes(address))).toEqual([]);

    // And from the outside in: every address of this machine but loopback refuses the connection.
    // (Link-local IPv6 addresses need a zone; the /proc check above covers them.)
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal && !info.scopeid)
      .map((info) => info!.address);
    const outcomes = await Promise.all(external.map(async (address) => [address, await tryConnect(address, port)] as const));
    expect(outcomes.filter(([, outcome]) => outcome === 'connected')).toEqual([]);
  });

  it('exits when the process that started it is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/dynamodb-local-child.ts'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    let javaPids: number[] = [];
    try {
      const firstLine = once(createInterface({ input: child.stdout }), 'line') as Promise<[string]>;
      const [line] = await Promise.race([firstLine, exited.then(() => Promise.reject(new Error('the child exited before DynamoDB Local was up')))]);
      const { endpoint } = JSON.parse(line) as { endpoint: string };
      javaPids = javaChildren(child.pid!);
      expect(javaPids).toHaveLength(1);
      expect((await listTables(endpoint)).TableNames).toBeDefined();

      child.kill('SIGKILL');
      await exited;
      // Bounded: Java notices at once (its stdin closes); 10 s only absorbs a loaded machine.
      expect(await stillRunningAfter(javaPids, 10_000)).toEqual([]);
    } finally {
      // Whatever failed above, no test run may leave a Java process behind.
      child.kill('SIGKILL');
      for (const pid of javaPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
    }
  });
});
