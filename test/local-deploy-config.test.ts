import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDeployContext } from '../lib/config.ts';
import { freePort } from '../lib/local/dynamodb-local.ts';
import { startDevServer, type DevServer } from '../lib/local/dev-server.ts';
import { routes } from '../lib/routes.ts';
import { testClock } from './clock.ts';
import { bearer, createTestOwner, getJson, uniqueName } from './helpers.ts';
import { developerEnv, startBin, waitForLine } from './processes.ts';

// Only in this file's server: the default plans have no `pico`, so an owner on it would get `free`'s 5 requests a second.
const deployContext = {
  'incr:plans': { pico: { monthlyRequests: 50, requestsPerMinute: 10, requestsPerSecond: 2, apiKeys: 1 } },
  'incr:corsOrigins': ['https://app.example.com'],
};

const dataDir = mkdtempSync(join(tmpdir(), 'incr-local-deploy-config-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the local server configured by a deploy context, in this process', () => {
  let server: DevServer;
  beforeAll(async () => {
    // Before any function module loads in this file: they read the environment the server sets.
    server = await startDevServer({
      routes,
      port: 0,
      host: '127.0.0.1',
      tableName: `incr-test-${randomUUID()}`,
      dynamodbEndpoint: inject('dynamodbEndpoint'),
      inMemory: true,
      dataDir,
      config: parseDeployContext(deployContext),
    });
  });
  afterAll(() => server.stop());

  it('enforces incr:plans: a pico owner is denied its third request of a second', async () => {
    const owner = await createTestOwner(uniqueName('owner'), 'pico');
    const metric = uniqueName('m').replaceAll('-', '_');
    const call = (key: string, path: string, body: unknown) => getJson(fetch(`${server.url}${path}`, bearer(key, { method: 'POST', body })));
    expect((await call(owner.adminKey, '/v1/metrics', { metric, limit: 100, window: 'lifetime' })).status).toBe(201);
    const check = async () => (await call(owner.useKey, '/v1/check-consume', { subject: 's', metric, cost: 1 })).body;

    testClock.pin(Date.UTC(2030, 10, 22, 8, 0, 10));
    try {
      expect(await check()).toMatchObject({ allowed: true });
      expect(await check()).toMatchObject({ allowed: true });
      expect(await check()).toEqual({ allowed: false, remaining: 0, reason: 'owner_rate_limit_exceeded_second' });
    } finally {
      testClock.reset();
    }
  });

  it('answers CORS by incr:corsOrigins: only the listed origin may read', async () => {
    const allowed = await fetch(`${server.url}/health`, { headers: { Origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await fetch(`${server.url}/health`, { headers: { Origin: 'https://other.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('npm start (bin/local.ts) and cdk.json', () => {
  const endpointEnv = (overrides: Record<string, string>) =>
    developerEnv({ INCR_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: 'incr-local-config-test', INCR_IN_MEMORY: '1', ...overrides });

  it('lets CORS_ALLOWED_ORIGINS override incr:corsOrigins', async () => {
    const port = await freePort();
    const { child, output, exited } = startBin(endpointEnv({ PORT: String(port), CORS_ALLOWED_ORIGINS: 'https://app.example.com' }));
    try {
      await waitForLine(output, exited);
      const preflight = (origin: string) =>
        fetch(`http://localhost:${port}/anything`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
      expect((await preflight('https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect((await preflight('https://other.example')).headers.get('access-control-allow-origin')).toBeNull();
      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses to start with a setting a deploy would refuse, naming it', async () => {
    const { output, exited } = startBin(endpointEnv({ PORT: '0', CORS_ALLOWED_ORIGINS: 'https://app.example.com/' }));
    expect(await exited).toEqual([1, null]);
    expect(output.stderr).toBe(
      'Incr could not start: CORS_ALLOWED_ORIGINS: must be "*" or an origin: scheme://host[:port], lowercase, without path or trailing slash (got "https://app.example.com/")\n',
    );
  });
});
