import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../lib/app.ts';
import { cdkJsonContext } from '../lib/config.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * The CDK CLI as a developer runs it, with the project's cdk.json. The app is synthesized here,
 * without bundling, and handed to the CLI as a cloud assembly (`--app <dir>`): the CLI's output
 * (template, feature-flag report, notices, telemetry) is what is under test, and bundling every
 * function is test/bundling.test.ts's job.
 */
describe('cdk synth with the project configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'incr-cdk-synth-'));
  const assembly = join(dir, 'assembly');
  // No credentials, no instance metadata, telemetry to a closed local port: nothing can leave the machine.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('CDK_')));
  Object.assign(env, {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    TELEMETRY_ENDPOINT: 'http://127.0.0.1:9/metrics',
  });
  // The CLI logs to stderr, or to stdout when CI is set (as on a CI machine): each case runs both ways.
  const cdk = (ci: boolean, ...args: string[]) => {
    const { CI: _ci, ...rest } = env;
    const run = spawnSync(join(repoRoot, 'node_modules/.bin/cdk'), ['synth', '--app', assembly, ...args], {
      cwd: repoRoot,
      env: ci ? { ...rest, CI: 'true' } : rest,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, output: run.stdout + run.stderr };
  };

  beforeAll(() => {
    writeFileSync(env.AWS_CONFIG_FILE!, '');
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, '');
    createApp({ outdir: assembly, context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } }).app.synth();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([false, true])('prints neither the template nor a feature-flag report or notices: the template stays in the assembly (CI set: %s)', (ci) => {
    const synth = cdk(ci);
    expect(synth.status).toBe(0);
    expect(synth.output).toBe('');
    expect(existsSync(join(assembly, 'Incr-prod.template.json'))).toBe(true);
  });

  it.each([false, true])('sends no CLI telemetry (CI set: %s)', (ci) => {
    const synth = cdk(ci, '-vvv');
    expect(synth.status).toBe(0);
    expect(synth.output).toContain('Telemetry disabled');
    expect(synth.output).not.toContain('Telemetry sink registered');
  });
});
