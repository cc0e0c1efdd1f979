import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validations } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../lib/app.ts';
import { cdkJsonContext } from '../lib/config.ts';
import { routes } from '../lib/routes.ts';

type ValidationReport = { pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[] };

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/** Synthesizes the app as `cdk synth` does, cdk-nag included, and returns every finding it reported. */
const synthesizeWithNag = (context: Record<string, unknown> = {}) => {
  const outdir = mkdtempSync(join(tmpdir(), 'incr-nag-'));
  outdirs.push(outdir);
  const { app } = createApp({ outdir, context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } });
  let failure: unknown;
  try {
    app.synth();
  } catch (error) {
    failure = error; // an unacknowledged error-level finding fails the synth; the report still lists it
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const findings = report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) => violation.violatingConstructs.map((construct) => `${violation.ruleName} at ${construct.constructPath}`)),
  );
  return { app, findings, failure };
};

const acknowledgementsOf = (app: ReturnType<typeof createApp>['app']) =>
  app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([rule, reason]) => ({ path: construct.node.path, rule: rule.replace(/^Annotation::/, ''), reason })),
  );

describe('cdk-nag (AwsSolutions)', () => {
  it('reports nothing unacknowledged for the default configuration', () => {
    const { findings, failure } = synthesizeWithNag();
    expect(findings).toEqual([]);
    expect(failure).toBeUndefined();
  });

  it('reports nothing unacknowledged with every optional setting on', () => {
    const { findings, failure } = synthesizeWithNag({
      'incr:domainName': 'counters.example.com',
      'incr:certificateArn': 'arn:aws:acm:us-east-1:123456789012:certificate/0f9a7c52-4a1e-4c7e-9d0b-1f2e3d4c5b6a',
      'incr:alarmEmail': 'ops@example.com',
      'incr:corsOrigins': ['https://app.example.com'],
    });
    expect(findings).toEqual([]);
    expect(failure).toBeUndefined();
  });

  it('reports nothing unacknowledged with every debugging setting on', () => {
    const { findings, failure } = synthesizeWithNag({ 'incr:debug': true, 'incr:accessLogClass': 'infrequent-access' });
    expect(findings).toEqual([]);
    expect(failure).toBeUndefined();
  });

  it('acknowledges only the reviewed findings, one construct at a time, each with its reason', () => {
    // Access logs off (the default) and tracing on (debugging) each bring a finding of their own.
    const acknowledgements = [...acknowledgementsOf(synthesizeWithNag().app), ...acknowledgementsOf(synthesizeWithNag({ 'incr:debug': true }).app)];
    const count = (rule: string) => acknowledgements.filter((acknowledgement) => acknowledgement.rule === rule).length;
    // Reviewed: a new rule here needs a reviewer's reading of its reason.
    expect(new Set(acknowledgements.map((acknowledgement) => acknowledgement.rule))).toEqual(
      new Set(['AwsSolutions-APIG1', 'AwsSolutions-APIG4', 'AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-SMG4']),
    );
    expect(count('AwsSolutions-APIG1')).toBe(1);
    expect(count('AwsSolutions-APIG4')).toBe(2 * routes.flatMap((route) => route.routeKeys).length);
    expect(count('AwsSolutions-IAM5[Resource::*]')).toBe(routes.length);
    expect(count('AwsSolutions-SMG4')).toBe(2);
    for (const route of routes) {
      for (const routeKey of route.routeKeys) {
        const reasons = acknowledgements.filter(({ rule, reason }) => rule === 'AwsSolutions-APIG4' && reason.startsWith(`${routeKey} (${route.id})`));
        expect(reasons).toHaveLength(2);
        expect(reasons[0]!.reason).toMatch(!route.apiKey ? /is public by design/ : route.apiKey === 'any' ? /requires a 'use' or an 'admin' API key/ : /requires a '(use|admin)' API key/);
      }
    }
    for (const { path, reason } of acknowledgements) {
      expect(path).not.toMatch(/^Incr-[a-z0-9-]+$/); // never stack-wide
      expect(reason.length).toBeGreaterThan(100);
    }
  });
});

describe('npx cdk synth', () => {
  it('fails on a bad context value with a message naming the field', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'incr-cdk-'));
    outdirs.push(outdir);
    const synth = spawnSync(join(repoRoot, 'node_modules/.bin/cdk'), ['synth', '--quiet', '-o', outdir, '-c', 'incr:stage=Bad Stage'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(synth.status).not.toBe(0);
    expect(synth.stderr).toContain('incr:stage: must be 1-20 lowercase letters, digits or hyphens');
    expect(synth.stderr).toContain('(got "Bad Stage")');
  });
});
