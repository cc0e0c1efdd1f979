import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../packages/client/scripts/build.ts';
import { budgetBytes, measureClient } from '../../packages/client/scripts/size.ts';
import { createTestOwner, type TestOwner, uniqueName, useLocalApi } from '../helpers.ts';

/** The packed SDK, installed into an empty folder the way a user installs it, imported from ESM and CommonJS. */

const run = promisify(execFile);
const packageDir = new URL('../../packages/client/', import.meta.url).pathname;
const api = useLocalApi();
let app: string;
let owner: TestOwner;

beforeAll(async () => {
  await buildClient();
  app = await mkdtemp(join(tmpdir(), 'incr-sdk-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', app], { cwd: packageDir });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  await run('npm', ['install', join(app, filename), '--offline', '--no-audit', '--no-fund'], { cwd: app });
  owner = await createTestOwner('sdk-package', 'scale');
});
afterAll(() => rm(app, { recursive: true, force: true }));

/** A port nothing listens on. */
const closedPort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
};

/** Runs `source` as a file of the app (`.mjs` or `.cjs`) and returns what it printed. */
const runInApp = async (file: string, source: string) => {
  await writeFile(join(app, file), source);
  const { stdout } = await run(process.execPath, [file], { cwd: app, env: { ...process.env, INCR_URL: api.url, INCR_KEY: owner.useKey } });
  return stdout.trim();
};

describe('the installed package', () => {
  it('imports from ESM, both entry points', async () => {
    const namespace = uniqueName('esm.example');
    const source = `
      import { Incr, IncrError, CountrClient } from '@incr/client';
      import countapi, { setBaseUrl, hit } from '@incr/client/countapi';
      setBaseUrl(process.env.INCR_URL);
      const incr = new Incr({ baseUrl: process.env.INCR_URL, apiKey: process.env.INCR_KEY });
      const counted = await incr.counters.increment('esm');
      const hitResult = await hit('${namespace}', 'visits');
      console.log(JSON.stringify([counted.value, hitResult.value, typeof countapi.visits, typeof IncrError, typeof CountrClient]));`;
    expect(JSON.parse(await runInApp('esm.mjs', source))).toEqual([1, 1, 'function', 'function', 'function']);
  });

  it('requires from CommonJS, both entry points', async () => {
    const namespace = uniqueName('cjs.example');
    const source = `
      const { Incr, IncrError } = require('@incr/client');
      const countapi = require('@incr/client/countapi');
      countapi.setBaseUrl(process.env.INCR_URL);
      (async () => {
        const incr = new Incr({ baseUrl: process.env.INCR_URL, apiKey: process.env.INCR_KEY });
        const counted = await incr.counters.increment('cjs');
        const created = await countapi.create({ namespace: '${namespace}', key: 'orders', value: 3 });
        const failure = await incr.counters.get('bad key!').catch((error) => error);
        console.log(JSON.stringify([counted.value, created.value, failure instanceof IncrError, failure.code]));
      })();`;
    expect(JSON.parse(await runInApp('cjs.cjs', source))).toEqual([1, 3, true, 'validation_error']);
  });

  it('runs the SDK quick start of docs/sdk.md', async () => {
    const page = await readFile(new URL('../../docs/sdk.md', import.meta.url), 'utf8');
    const snippet = /<!-- sdk-quickstart[^>]*-->\n```js\n([\s\S]*?)```/.exec(page)?.[1];
    expect(snippet).toContain("from '@incr/client'");
    expect(await runInApp('readme.mjs', snippet!.replace("'http://localhost:3000'", 'process.env.INCR_URL'))).toBe('5 true');
  });

  it("runs countr's fail-open example unchanged but for its import and baseUrl (and key)", async () => {
    const snippet = await readFile(new URL('../fixtures/countr-fail-open.mjs', import.meta.url), 'utf8');
    const pointed = (baseUrl: string) =>
      `${snippet
        .replace('from "countr-sdk"', 'from "@incr/client"')
        .replace('"https://api.countr.dev"', JSON.stringify(baseUrl))
        .replace('"ck_use_live_a1b2c3d4e5f67890abcd1234ef567890"', 'process.env.INCR_KEY')}
      console.log(await isAllowed("user_123", "api_calls"));`;
    expect(await runInApp('countr.mjs', pointed(api.url))).toBe('true');
    // Unreachable: the snippet's shouldFailOpen recognises IncrError's ECONNREFUSED and allows.
    expect(await runInApp('countr-down.mjs', pointed(await closedPort()))).toBe('true');
  });
});

describe('the countapi-js compatible module', () => {
  it("has countapi-js's functions, optional namespace and result shapes", async () => {
    const namespace = uniqueName('compat.example');
    const source = `
      import countapi from '@incr/client/countapi';
      countapi.setBaseUrl(process.env.INCR_URL);
      const results = [
        await countapi.create({ namespace: '${namespace}', key: 'orders', enable_reset: true, update_upperbound: 5 }),
        await countapi.update('${namespace}', 'orders', 5),
        await countapi.set('${namespace}', 'orders', 42),
        await countapi.get('${namespace}', 'orders'),
        await countapi.info('${namespace}', 'orders'),
        await countapi.update('${namespace}', 'orders', 6),
        await countapi.get('${namespace}', 'missing'),
        await countapi.hit('${namespace}-default'),
        await countapi.get('${namespace}-default'),
        await countapi.visits(),
        await countapi.event('signup'),
        await countapi.stats(),
      ];
      console.log(JSON.stringify(results));`;
    const [create, update, set, get, info, refused, missing, hitDefault, getDefault, visits, event, stats] = JSON.parse(await runInApp('compat.mjs', source));
    expect(create).toEqual({ status: 200, path: `${namespace}/orders`, namespace, key: 'orders', value: 0 });
    expect(update).toEqual({ status: 200, path: `${namespace}/orders`, value: 5 });
    expect(set).toEqual({ status: 200, path: `${namespace}/orders`, old_value: 5, value: 42 });
    expect(get).toEqual({ status: 200, path: `${namespace}/orders`, value: 42 });
    expect(info).toMatchObject({ status: 200, namespace, key: 'orders', value: 42, enable_reset: true, update_upperbound: 5 });
    expect(refused).toMatchObject({ status: 403, value: 42 });
    expect(missing).toEqual({ status: 404, path: `${namespace}/missing`, value: null });
    expect([hitDefault, getDefault]).toMatchObject([{ status: 200, value: 1 }, { value: 1, path: `default/${namespace}-default` }]);
    // Node sends no Referer: the reserved words resolve to "...", as they would for a page without one.
    expect(visits).toMatchObject({ status: 200, path: '.../...', value: expect.any(Number) });
    expect(event).toMatchObject({ status: 200, path: '.../signup' });
    expect(stats).toMatchObject({ requests: expect.any(Number), version: expect.any(String) });
  });
});

it('stays within its size budget, minified and gzipped', async () => {
  expect((await measureClient()).totalGzipped).toBeLessThanOrEqual(budgetBytes);
});
