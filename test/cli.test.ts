import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tableName } from '../lambdas/shared/table.ts';
import { useLocalApi } from './helpers.ts';

const api = useLocalApi();
const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'bin/cli.ts', ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
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
    expect((await api.call(adminKey, 'GET', '/v1/account')).body).toMatchObject({ plan: { name: 'growth', requestsPerMinute: 300 } });
    await expect(cli('set-plan', '--owner', ownerId, '--plan', 'platinum', ...target())).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown plan platinum'),
    });
  });

  it('refuses unknown owners and bad usage with exit code 2 and a message', async () => {
    await expect(cli('create-key', '--owner', 'own_0000000000000000', ...target())).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no owner own_0000000000000000'),
    });
    await expect(cli('create-owner', ...target())).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--name is required') });
    await expect(cli('launch', ...target())).rejects.toMatchObject({ code: 2 });
  });
});
