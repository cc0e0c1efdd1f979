import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../lib/local/dynamodb-local.ts';
import { localUrl } from '../lib/local/server.ts';
import { developerEnv, startBin, waitForLine } from './processes.ts';

/** `npm start` checks its whole environment before it starts anything: one line per mistake, exit code 1. */

const dataDir = mkdtempSync(join(tmpdir(), 'incr-local-env-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The suite's DynamoDB Local instead of a JVM of its own: these servers start in a second or two. */
const endpointEnv = (overrides: Record<string, string>) =>
  developerEnv({ INCR_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: 'incr-local-environment-test', INCR_IN_MEMORY: '1', PORT: '0', ...overrides });

const failedStart = async (env: NodeJS.ProcessEnv) => {
  const { output, exited } = startBin(env);
  const [code] = await exited;
  return { code, ...output };
};

describe('npm start (bin/local.ts): its environment', () => {
  it('names each wrong variable, with what it must be, and starts nothing', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ PORT: 'eighty' }, 'PORT must be a port number from 0 to 65535 (0 picks a free one) (got "eighty")'],
      [{ PORT: '65536' }, 'PORT must be a port number from 0 to 65535 (0 picks a free one) (got "65536")'],
      [{ HOST: 'http://localhost' }, 'HOST must be an address or host name to listen on, such as 127.0.0.1, ::1 or 0.0.0.0 (got "http://localhost")'],
      [{ TABLE_NAME: 'my table' }, 'TABLE_NAME must be 3-255 letters, digits, _ . or - (got "my table")'],
      [{ INCR_IN_MEMORY: 'sometimes' }, 'INCR_IN_MEMORY must be 1, 0, true, false, yes or no (got "sometimes")'],
      [{ DYNAMODB_ENDPOINT: 'localhost:8000' }, 'DYNAMODB_ENDPOINT must be an http(s) URL such as http://127.0.0.1:8000 (got "localhost:8000")'],
      [{ POWERTOOLS_LOG_LEVEL: 'LOUD' }, 'POWERTOOLS_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL, SILENT (got "LOUD")'],
      [{ POWERTOOLS_METRICS_DISABLED: 'maybe' }, 'POWERTOOLS_METRICS_DISABLED must be 1, 0, true, false, yes or no (got "maybe")'],
      [{ CORS_ALLOWED_ORIGINS: 'https://app.example.com/' }, 'CORS_ALLOWED_ORIGINS: must be "*" or an origin: scheme://host[:port], lowercase, without path or trailing slash (got "https://app.example.com/")'],
      [{ INCR_PLANS: '{"free":{"requestsPerMinute":-1}}' }, 'INCR_PLANS.free.requestsPerMinute:'],
      [{ INCR_DEFAULT_PLAN: 'platinum' }, 'INCR_DEFAULT_PLAN: must name a plan of incr:plans (free, starter, growth, scale)'],
      [{ PORT: 'x', INCR_IN_MEMORY: 'y' }, 'PORT must be a port number from 0 to 65535 (0 picks a free one) (got "x"); INCR_IN_MEMORY must be 1, 0, true, false, yes or no (got "y")'],
    ];
    const results = await Promise.all(cases.map(([variables]) => failedStart(endpointEnv(variables))));
    results.forEach((result, index) => {
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr.split('\n')).toEqual([expect.stringMatching(/^Incr could not start: /), '']);
      expect(result.stderr).toContain(`Incr could not start: ${cases[index]![1]}`);
    });
  });

  it('says that nothing listens at DYNAMODB_ENDPOINT', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    expect(await failedStart(endpointEnv({ DYNAMODB_ENDPOINT: endpoint }))).toEqual({
      code: 1,
      stdout: '',
      stderr: `Incr could not start: DYNAMODB_ENDPOINT ${endpoint}: nothing is listening there. Start DynamoDB there, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local.\n`,
    });
  });

  it('says that it cannot listen on a HOST that is no address of this machine', async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): never a local address, and binding sends nothing.
    expect(await failedStart(endpointEnv({ HOST: '192.0.2.1' }))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Incr could not start: HOST 192.0.2.1 is no address of this machine (EADDRNOTAVAIL): use 127.0.0.1, ::1, localhost or 0.0.0.0 (every interface).\n',
    });
  });

  it.each([
    ['TRUE', false],
    ['yes', false],
    ['0', true],
    ['No', true],
  ])('takes INCR_IN_MEMORY=%s, and with PORT=0 prints the port it chose', async (inMemory, keepsSecret) => {
    const ownDir = mkdtempSync(join(dataDir, 'in-memory-'));
    const { child, output, exited } = startBin(endpointEnv({ INCR_DATA_DIR: ownDir, INCR_IN_MEMORY: inMemory, PORT: '0' }));
    try {
      await waitForLine(output, exited);
      const port = Number(/^Incr is running at http:\/\/localhost:(\d+)$/m.exec(output.stdout)?.[1]);
      expect(port).toBeGreaterThan(0);
      expect((await fetch(`http://localhost:${port}/anything`, { method: 'OPTIONS' })).status).toBe(204);
      // Only a server that keeps its data writes the IP-hash secret to the data folder.
      expect(existsSync(join(ownDir, 'ip-hash-secret'))).toBe(keepsSecret);
      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('localUrl', () => {
  it('always shows the port, and brackets an IPv6 host', () => {
    expect(localUrl('127.0.0.1', 80)).toBe('http://localhost:80');
    expect(localUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(localUrl('::', 3000)).toBe('http://localhost:3000');
    expect(localUrl('fd00::1', 8080)).toBe('http://[fd00::1]:8080');
    expect(localUrl('dev.example', 443)).toBe('http://dev.example:443');
  });
});
