import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPlans } from '../lambdas/shared/plans.ts';
import { tableName } from '../lambdas/shared/table.ts';
import { bearer, useLocalApi } from './helpers.ts';
import { developerEnv, isRunning, javaChildren, startBin, stillRunningAfter, waitForLine } from './processes.ts';

const api = useLocalApi();
const run = promisify(execFile);
const cli = (...args: string[]) => cliWith({}, ...args);
const cliWith = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'bin/cli.ts', ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
const target = () => ['--endpoint', process.env.DYNAMODB_ENDPOINT!, '--table', tableName()];

describe('npm run incr (the bootstrap CLI)', () => {
  it('creates an owner whose admin key works at once, then more keys for it', async () => {
    const created = await cli('create-owner', '--name', 'acme', ...target());
    const ownerId = /owner (own_[0-9a-f]{16})/.exec(created.stdout)![1]!;
    const adminKey = /(ck_admin_live_[0-9a-f]{40})/.exec(created.stdout)![1]!;
    expect((await api.call(adminKey, 'GET', '/v1/keys')).body).toMatchObject({ keys: [{ kind: 'admin', name: 'bootstrap' }] });

    const useKeyOutput = await cli('create-key', '--owner', ownerId, '--kind', 'use', ...target());
    const useKey = /(ck_use_live_[0-9a-f]{40})/.exec(useKeyOutput.stdout)![1]!;
    expect((await api.call(useKey, 'POST', '/v1/counters/cli/increment', {})).body).toEqual({ key: 'cli', value: 1 });
  });

  it('moves an owner to another plan of the plan table', async () => {
    const created = await cli('create-owner', '--name', 'growing', ...target());
    const ownerId = /owner (own_[0-9a-f]{16})/.exec(created.stdout)![1]!;
    const adminKey = /(ck_admin_live_[0-9a-f]{40})/.exec(created.stdout)![1]!;
    expect(created.stdout).toContain('plan free');
    await cli('set-plan', '--owner', ownerId, '--plan', 'growth', ...target());
    expect((await api.call(adminKey, 'GET', '/v1/account')).body).toMatchObject({ plan: { name: 'growth', requestsPerMinute: defaultPlans.growth!.requestsPerMinute } });
    await expect(cli('set-plan', '--owner', ownerId, '--plan', 'platinum', ...target())).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown plan platinum'),
    });
  });

  it('creates an owner on the configured default plan when --plan is not given', async () => {
    const created = await cliWith({ INCR_DEFAULT_PLAN: 'unlimited' }, 'create-owner', '--name', 'defaulted', ...target());
    const adminKey = /(ck_admin_live_[0-9a-f]{40})/.exec(created.stdout)![1]!;
    expect(created.stdout).toContain('plan unlimited');
    expect((await api.call(adminKey, 'GET', '/v1/account')).body).toMatchObject({ plan: { name: 'unlimited', monthlyRequests: null }, month: { requests: null, cap: null } });
    await expect(cliWith({ INCR_DEFAULT_PLAN: 'platinum' }, 'create-owner', '--name', 'nowhere', ...target())).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('incr:defaultPlan: must name a plan of incr:plans'),
    });
  });

  it('refuses unknown owners with exit code 1, and bad usage with exit code 2, each with a message', async () => {
    await expect(cli('create-key', '--owner', 'own_0000000000000000', ...target())).rejects.toMatchObject({
      code: 1,
      stderr: `incr: no owner own_0000000000000000 in table ${tableName()} at ${process.env.DYNAMODB_ENDPOINT}: \`npm run incr -- list-owners\` shows them\n`,
    });
    await expect(cli('create-owner', ...target())).rejects.toMatchObject({ code: 2, stderr: 'incr: create-owner needs --name: run `npm run incr -- create-owner --help`\n' });
    await expect(cli('launch', ...target())).rejects.toMatchObject({ code: 2 });
  });

  it('lists the owners and their keys, and revokes a key, which the API then refuses', async () => {
    const created = await cli('create-owner', '--name', 'listed', ...target());
    const ownerId = /owner (own_[0-9a-f]{16})/.exec(created.stdout)![1]!;
    const adminKey = /(ck_admin_live_[0-9a-f]{40})/.exec(created.stdout)![1]!;
    const useKeyOutput = await cli('create-key', '--owner', ownerId, '--name', 'web', ...target());
    const [, useKeyId, useKey] = /key (key_[0-9a-f]{16}) .*\n.*(ck_use_live_[0-9a-f]{40})/.exec(useKeyOutput.stdout)!;

    const owners = (await cli('list-owners', ...target())).stdout.split('\n');
    expect(owners).toContainEqual(expect.stringMatching(new RegExp(`^${ownerId}  plan free +created \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z +listed$`)));

    const keys = (await cli('list-keys', '--owner', ownerId, ...target())).stdout.trimEnd().split('\n');
    expect(keys).toHaveLength(2);
    expect(keys).toContainEqual(expect.stringMatching(new RegExp(`^${useKeyId}  use +${useKey!.slice(0, 16)}… +created \\S+ +active +web$`)));
    expect(keys).toContainEqual(expect.stringMatching(/^key_[0-9a-f]{16}  admin +ck_admin_live_[0-9a-f]{4}… +created \S+ +active +bootstrap$/));

    const revoked = await cli('revoke-key', '--owner', ownerId, '--key', useKeyId!, ...target());
    expect(revoked.stdout).toBe(`Revoked key ${useKeyId} of owner ${ownerId}: refused from now on (containers that checked it recently may accept it for up to 5 more seconds).\n`);
    expect((await cli('list-keys', '--owner', ownerId, ...target())).stdout).toMatch(new RegExp(`^${useKeyId}  use .* revoked \\d{4}-\\S+Z +web$`, 'm'));
    // The API's own listing agrees: the CLI and GET /v1/keys read the same items.
    expect((await api.call(adminKey, 'GET', '/v1/keys')).body).toMatchObject({ keys: expect.arrayContaining([expect.objectContaining({ keyId: useKeyId, revokedAt: expect.any(Number) })]) });
    expect((await cli('revoke-key', '--owner', ownerId, '--key', useKeyId!, ...target())).stdout).toMatch(new RegExp(`^Key ${useKeyId} of owner ${ownerId} was already revoked on \\S+Z\\.\n$`));
    await expect(cli('revoke-key', '--owner', ownerId, '--key', 'key_0000000000000000', ...target())).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(new RegExp(`^incr: owner ${ownerId} has no key key_0000000000000000 in .*: \`npm run incr -- list-keys --owner ${ownerId}\` shows them\n$`)),
    });
    await expect(cli('list-keys', '--owner', 'own_0000000000000000', ...target())).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('incr: no owner own_0000000000000000 in') });
  });
});

describe('npm run incr without a target: the running npm start', () => {
  // A folder of its own, so the developer's `npm start` neither sees these servers nor is seen.
  const dataDir = mkdtempSync(join(tmpdir(), 'incr-cli-test-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = developerEnv({ INCR_DATA_DIR: dataDir, INCR_IN_MEMORY: '1', PORT: '0' });
  const localCli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'bin/cli.ts', ...args], { env });
  const records = () => readdirSync(join(dataDir, 'servers')).sort();
  const adminKeyIn = (stdout: string) => /(ck_admin_live_[0-9a-f]{40})/.exec(stdout)![1]!;
  const keysStatus = async (port: number, adminKey: string) => (await fetch(`http://127.0.0.1:${port}/v1/keys`, bearer(adminKey))).status;

  it('reaches the one running server, asks which when several run, and ignores a killed one', async () => {
    const servers = [startBin(env), startBin(env)];
    const javaPids: number[] = [];
    try {
      await Promise.all(servers.map(({ output, exited }) => waitForLine(output, exited)));
      const [first, second] = servers.map(({ output }) => Number(/Incr is running at http:\/\/localhost:(\d+)/.exec(output.stdout)![1]));
      javaPids.push(...servers.flatMap(({ child }) => javaChildren(child.pid!)));
      expect(javaPids).toHaveLength(2);
      expect(records()).toEqual([`${first}.json`, `${second}.json`].sort());

      // Two servers, no choice made: the CLI lists them and writes nowhere.
      const ambiguous = (await localCli('create-owner', '--name', 'which').catch((error: unknown) => error)) as { code?: number; stderr: string };
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain('2 local servers are running: choose one with --port');
      expect(ambiguous.stderr).toContain(`--port ${first}   http://127.0.0.1:${first} (table incr-local)`);
      expect(ambiguous.stderr).toContain(`--port ${second}   http://127.0.0.1:${second} (table incr-local)`);

      // --port picks one: the owner lands in that server's database only.
      const chosen = await localCli('create-owner', '--name', 'chosen', '--port', String(second));
      expect(chosen.stdout).toContain(`in the local server at http://127.0.0.1:${second} (table incr-local)`);
      expect(await keysStatus(second!, adminKeyIn(chosen.stdout))).toBe(200);
      expect(await keysStatus(first!, adminKeyIn(chosen.stdout))).toBe(401);

      // Stopping the first server withdraws its record only: the CLI still finds the second.
      servers[0]!.child.kill('SIGTERM');
      expect(await servers[0]!.exited).toEqual([0, null]);
      expect(records()).toEqual([`${second}.json`]);
      expect(JSON.parse(readFileSync(join(dataDir, 'servers', `${second}.json`), 'utf8'))).toMatchObject({ pid: servers[1]!.child.pid, url: `http://127.0.0.1:${second}` });
      const alone = await localCli('create-owner', '--name', 'alone');
      expect(await keysStatus(second!, adminKeyIn(alone.stdout))).toBe(200);

      // Killed outright, the second cannot withdraw its record: the CLI sees it is stale and deletes it.
      servers[1]!.child.kill('SIGKILL');
      await servers[1]!.exited;
      expect(records()).toEqual([`${second}.json`]);
      await expect(localCli('create-owner', '--name', 'nobody')).rejects.toMatchObject({
        code: 1,
        stderr: `incr: no local server is running (none registered in ${dataDir}): start \`npm start\` in another terminal, or pass --stack <name>, or --endpoint <url> --table <name>\n`,
      });
      expect(records()).toEqual([]);
      expect(await stillRunningAfter(javaPids, 10_000)).toEqual([]);
    } finally {
      // Whatever failed above, no test run may leave a server or a Java process behind.
      for (const { child } of servers) child.kill('SIGKILL');
      for (const pid of javaPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
    }
  }, 120_000); // two servers with a JVM each, and four CLI runs, on two shared cores
});
