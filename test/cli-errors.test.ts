import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../lambdas/shared/table.ts';
import { freePort } from '../lib/local/dynamodb-local.ts';
import { developerEnv } from './processes.ts';

/**
 * Every expected failure of `npm run incr` is one line on stderr that names the fix, with exit code
 * 1 (the target said no) or 2 (the command line is wrong). Nothing here reaches AWS: CloudFormation
 * is a local fake that answers in its own wire format, DynamoDB is the suite's DynamoDB Local, and
 * the SDK finds no credentials but the ones a test gives it, nor any instance metadata.
 */

const dir = mkdtempSync(join(tmpdir(), 'incr-cli-errors-'));
const cloudFormation = { server: undefined as Server | undefined, url: '', requests: [] as string[], answer: { status: 200, body: '' } };

const xmlns = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const cloudFormationError = (status: number, code: string, message: string) => ({
  status,
  body: `<ErrorResponse xmlns="${xmlns}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>local</RequestId></ErrorResponse>`,
});
const stackWithOutputs = (outputs: Record<string, string>) => ({
  status: 200,
  body:
    `<DescribeStacksResponse xmlns="${xmlns}"><DescribeStacksResult><Stacks><member><StackName>Incr-test</StackName>` +
    '<StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/Incr-test/1</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>' +
    `<Outputs>${Object.entries(outputs)
      .map(([key, value]) => `<member><OutputKey>${key}</OutputKey><OutputValue>${value}</OutputValue></member>`)
      .join('')}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>local</RequestId></ResponseMetadata></DescribeStacksResponse>`,
});

beforeAll(async () => {
  writeFileSync(join(dir, 'config'), '');
  writeFileSync(join(dir, 'credentials'), '');
  cloudFormation.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      cloudFormation.requests.push(body);
      response.writeHead(cloudFormation.answer.status, { 'content-type': 'text/xml' }).end(cloudFormation.answer.body);
    });
  });
  await new Promise<void>((listening) => cloudFormation.server!.listen(0, '127.0.0.1', listening));
  cloudFormation.url = `http://127.0.0.1:${(cloudFormation.server!.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((closed) => cloudFormation.server?.close(closed));
  rmSync(dir, { recursive: true, force: true });
});

/** A shell with no AWS configuration at all, and no local server registered. */
const bareEnv = (extra: Record<string, string> = {}) => {
  const env = developerEnv({});
  for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
  return {
    ...env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url,
    INCR_DATA_DIR: join(dir, 'data'),
    ...extra,
  };
};
const someCredentials = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' };

const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'bin/cli.ts', ...args], { env }, (error, stdout, stderr) => done({ code: error ? (error.code as number) : 0, stdout, stderr }));
  });

describe('npm run incr: help and usage', () => {
  it('prints its help with every command and the exit codes, and each command its own', async () => {
    const help = await cli(bareEnv(), '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run incr -- <command> \[options\]\n/);
    for (const command of ['create-owner', 'create-key', 'set-plan', 'list-owners', 'list-keys', 'revoke-key']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toContain('Exit codes:\n  0  done\n  1  failed: ');
    expect(help.stdout).toContain('\n  2  usage: ');

    const revokeHelp = await cli(bareEnv(), 'revoke-key', '--help');
    expect(revokeHelp).toMatchObject({ code: 0, stderr: '' });
    expect(revokeHelp.stdout).toMatch(/^Usage: npm run incr -- revoke-key --owner <owner id> --key <key id> \[target\]\n/);
    expect((await cli(bareEnv(), 'help', 'list-keys')).stdout).toMatch(/^Usage: npm run incr -- list-keys --owner <owner id> \[target\]\n/);
  });

  it('answers a wrong command line with one line and exit code 2, before connecting anywhere', async () => {
    for (const [args, message] of [
      [['--verbose'], "incr: Unknown option '--verbose': run `npm run incr -- --help`"],
      [['launch'], 'incr: unknown command launch (commands: create-owner, create-key, set-plan, list-owners, list-keys, revoke-key): run `npm run incr -- --help`'],
      [['revoke-key', '--owner', 'own_1'], 'incr: revoke-key needs --key: run `npm run incr -- revoke-key --help`'],
      [['list-owners', '--kind', 'admin'], 'incr: list-owners takes no --kind: run `npm run incr -- list-owners --help`'],
      [['create-key', '--owner', 'own_1', '--kind', 'root'], "incr: --kind is use or admin, not 'root'"],
      [['set-plan', '--owner', 'own_1', '--plan', 'gold'], 'incr: unknown plan gold (known: free, starter, growth, scale)'],
      [['list-owners', '--endpoint', 'localhost:8000', '--table', 't'], "incr: --endpoint must be an http(s) URL such as http://127.0.0.1:8000, not 'localhost:8000'"],
      [['list-owners', '--table', 't'], 'incr: --endpoint and --table go together: run `npm run incr -- --help`'],
    ] as const) {
      expect(await cli(bareEnv(), ...args)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    }
    const bare = await cli(bareEnv());
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toMatch(/^Usage: npm run incr -- <command>/);
  });
});

describe('npm run incr: an unreachable or wrong target', () => {
  it('says that nothing is listening at a closed port', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    expect(await cli(bareEnv(), 'list-owners', '--endpoint', endpoint, '--table', 'incr-local')).toEqual({
      code: 1,
      stdout: '',
      stderr: `incr: nothing is listening at ${endpoint}: start DynamoDB there (\`npm start\` starts DynamoDB Local), or fix --endpoint\n`,
    });
  });

  it('says which table does not exist', async () => {
    const endpoint = process.env.DYNAMODB_ENDPOINT!;
    expect(await cli(bareEnv(), 'list-owners', '--endpoint', endpoint, '--table', 'no-such-table')).toEqual({
      code: 1,
      stdout: '',
      stderr: `incr: no table no-such-table at ${endpoint}: check --table (\`npm start\` uses incr-local, or its TABLE_NAME)\n`,
    });
  });

  it('says that no local server is running when given no target', async () => {
    expect(await cli(bareEnv(), 'list-owners')).toEqual({
      code: 1,
      stdout: '',
      stderr: `incr: no local server is running (none registered in ${join(dir, 'data')}): start \`npm start\` in another terminal, or pass --stack <name>, or --endpoint <url> --table <name>\n`,
    });
  });
});

describe('npm run incr --stack (CloudFormation faked locally)', () => {
  it('says that no AWS credentials were found, without asking CloudFormation', async () => {
    const requestsBefore = cloudFormation.requests.length;
    expect(await cli(bareEnv({ AWS_REGION: 'us-east-1' }), 'list-owners', '--stack', 'Incr-prod')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'incr: no AWS credentials found: set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n',
    });
    expect(cloudFormation.requests.length).toBe(requestsBefore);
  });

  it('says that a region is needed', async () => {
    expect(await cli(bareEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' }), 'list-owners', '--stack', 'Incr-prod')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'incr: no AWS region: pass --region <region>, or set AWS_REGION\n',
    });
  });

  it('says that AWS refused the credentials', async () => {
    cloudFormation.answer = cloudFormationError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    expect(await cli(bareEnv(someCredentials), 'list-owners', '--stack', 'Incr-prod')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'incr: AWS refused the credentials (InvalidClientTokenId: The security token included in the request is invalid.): set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, for an identity allowed to read the stack and write its table\n',
    });
  });

  it('says which stack does not exist in which region', async () => {
    cloudFormation.answer = cloudFormationError(400, 'ValidationError', 'Stack with id Incr-staging does not exist');
    expect(await cli(bareEnv(someCredentials), 'list-owners', '--stack', 'Incr-staging', '--region', 'eu-west-1')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'incr: no stack Incr-staging in region eu-west-1: check --stack and --region (`cdk deploy` names it Incr-<stage>; `cdk list` shows it)\n',
    });
    expect(Object.fromEntries(new URLSearchParams(cloudFormation.requests.at(-1)))).toMatchObject({ Action: 'DescribeStacks', StackName: 'Incr-staging' });
  });

  it('says when a stack is not an Incr stack', async () => {
    cloudFormation.answer = stackWithOutputs({ BucketName: 'b' });
    expect(await cli(bareEnv(someCredentials), 'list-owners', '--stack', 'Incr-test')).toMatchObject({
      code: 1,
      stderr: 'incr: stack Incr-test has no TableName output: is it an Incr stack? (`cdk deploy` names them Incr-<stage>)\n',
    });
  });

  it("works on the stack's table, found through its TableName output", async () => {
    cloudFormation.answer = stackWithOutputs({ ApiUrl: 'https://example.invalid/', TableName: tableName() });
    const env = bareEnv({ ...someCredentials, AWS_ENDPOINT_URL_DYNAMODB: process.env.DYNAMODB_ENDPOINT! });
    const created = await cli(env, 'create-owner', '--name', 'deployed', '--stack', 'Incr-test');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(new RegExp(`^Created owner own_[0-9a-f]{16} \\(deployed, plan free\\) in table ${tableName()} of stack Incr-test\\.\\n`));
  });
});
