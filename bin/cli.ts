/**
 * `npm run incr -- <command>`: owners and keys straight in the table, without any key. The help
 * text below is the reference (docs/cli.md repeats it); run `npm run incr -- --help`.
 */
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type ApiKeyRecord,
  createApiKey,
  createOwner,
  type KeyKind,
  listApiKeys,
  listOwners,
  ownerExists,
  revokeApiKey,
  setOwnerPlan,
} from '../lambdas/shared/api-keys.ts';
import { clock } from '../lambdas/shared/clock.ts';
import { createDocumentClient } from '../lambdas/shared/document-client.ts';
import { maxPageSize } from '../lambdas/shared/page-request.ts';
import { ConfigError, environmentOverrides, loadCdkJsonConfig } from '../lib/config.ts';
import { localDataDir } from '../lib/local/dev-server.ts';
import { runningLocalServers, type LocalServerRecord } from '../lib/local/server-registry.ts';

// Started with a Node older than .nvmrc's (not through npm run incr), the SDK would warn on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** The command line is wrong: exit 2, with the help's pointer. */
class UsageError extends Error {}
/** The command line is right but the target or its data says no: exit 1. */
class Failure extends Error {}

const targetOptions = ['stack', 'region', 'endpoint', 'table', 'port'] as const;
type Option = 'name' | 'plan' | 'owner' | 'kind' | 'key' | (typeof targetOptions)[number];

interface Command {
  synopsis: string;
  summary: string;
  /** Its own options, the target's aside; `requires` are among them. */
  options: readonly Option[];
  requires: readonly Option[];
}

const commands = {
  'create-owner': { synopsis: '--name <name> [--plan <plan>]', summary: "an owner and its first admin key (default plan: cdk.json's incr:defaultPlan)", options: ['name', 'plan'], requires: ['name'] },
  'create-key': { synopsis: '--owner <owner id> [--kind use|admin] [--name <name>]', summary: 'another key for an owner (default kind: use)', options: ['owner', 'kind', 'name'], requires: ['owner'] },
  'set-plan': { synopsis: '--owner <owner id> --plan <plan>', summary: "moves an owner to a plan of cdk.json's incr:plans", options: ['owner', 'plan'], requires: ['owner', 'plan'] },
  'list-owners': { synopsis: '', summary: 'every owner: id, plan, creation time, name', options: [], requires: [] },
  'list-keys': { synopsis: '--owner <owner id>', summary: "an owner's keys: id, kind, prefix, creation and revocation times, name", options: ['owner'], requires: ['owner'] },
  'revoke-key': { synopsis: '--owner <owner id> --key <key id>', summary: 'revokes a key (containers that checked it may accept it 5 more seconds)', options: ['owner', 'key'], requires: ['owner', 'key'] },
} satisfies Record<string, Command>;
type CommandName = keyof typeof commands;
const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(commands, name);

const targetHelp = `Where the table is (the first that applies):
  --stack <stack name> [--region <region>]   a deployed stack (its TableName output), with your AWS credentials
  --endpoint <url> --table <name>            any DynamoDB, e.g. DynamoDB Local
  [--port <API port>]                        the running \`npm start\` (the one on that port, when several run)
\`npm start\` and the CLI find each other in the data folder: INCR_DATA_DIR, or the repository's .incr-data.`;

const exitHelp = `Exit codes:
  0  done
  1  failed: nothing listening, no such table, stack, owner or key, no AWS credentials, no local server running
  2  usage: unknown command or option, a missing or invalid option value`;

const column = (text: string, width: number) => text.padEnd(width);

const toolHelp = () =>
  [
    'Usage: npm run incr -- <command> [options]',
    '',
    'Owners and keys, written straight into the table: the bootstrap of a deployment, and its admin.',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, { summary }]) => `  ${column(name, 14)}${summary}`),
    '',
    'Run `npm run incr -- <command> --help` for its options.',
    '',
    targetHelp,
    '',
    exitHelp,
  ].join('\n');

const commandHelp = (name: CommandName) =>
  [`Usage: npm run incr -- ${name} ${commands[name].synopsis} [target]`.replace('  ', ' '), '', `${name}: ${commands[name].summary}.`, '', targetHelp, '', exitHelp].join('\n');

const helpPointer = (command?: CommandName) => `run \`npm run incr -- ${command ? `${command} ` : ''}--help\``;

const parse = (argv: readonly string[]) => {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        name: { type: 'string' },
        plan: { type: 'string' },
        owner: { type: 'string' },
        kind: { type: 'string' },
        key: { type: 'string' },
        stack: { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        port: { type: 'string' },
      },
    });
  } catch (error) {
    // Node's parse errors (ERR_PARSE_ARGS_*) say what is wrong in one sentence; only the stack goes.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError(`${(error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '')}: ${helpPointer()}`);
    }
    throw error;
  }
};

// Parsed by main(), which turns a parse error into a usage message.
let positionals: string[] = [];
let options: ReturnType<typeof parse>['values'] = {};

/** A required option, present since checkOptions ran. */
const required = (option: Option): string => options[option]!;

/** Everything that can be wrong with the command line, found before any connection is made. */
const checkOptions = (command: CommandName) => {
  const { options: own, requires } = commands[command];
  const allowed = new Set<string>([...own, ...targetOptions, 'help']);
  const stray = Object.keys(options).filter((option) => !allowed.has(option));
  if (stray.length > 0) throw new UsageError(`${command} takes no ${stray.map((option) => `--${option}`).join(', ')}: ${helpPointer(command)}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}: ${helpPointer(command)}`);
  const missing = requires.filter((option) => !options[option]);
  if (missing.length > 0) throw new UsageError(`${command} needs ${missing.map((option) => `--${option}`).join(' and ')}: ${helpPointer(command)}`);
  if (options.kind !== undefined && options.kind !== 'use' && options.kind !== 'admin') throw new UsageError(`--kind is use or admin, not '${options.kind}'`);
  if (options.plan !== undefined) knownPlan(options.plan);
};

// The plans the deployment enforces: cdk.json's `incr:plans` (countr's by default), or INCR_PLANS as for npm start.
const deployConfig = () => loadCdkJsonConfig(environmentOverrides());
const knownPlan = (plan: string) => {
  const { plans } = deployConfig();
  if (!plans[plan]) throw new UsageError(`unknown plan ${plan} (known: ${Object.keys(plans).join(', ')})`);
  return plan;
};

// ---------------------------------------------------------------------------------------------
// The target: a stack, an endpoint, or the running `npm start`.

interface Target {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** How messages name it: `table incr-local at http://...`. */
  where: string;
  /** What to check when its table is missing. */
  tableHint: string;
}

const stackTableName = async (stackName: string, region?: string): Promise<string> => {
  const cloudFormation = new CloudFormationClient(region ? { region } : {});
  try {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    const tableName = Stacks?.[0]?.Outputs?.find(({ OutputKey }) => OutputKey === 'TableName')?.OutputValue;
    if (!tableName) throw new Failure(`stack ${stackName} has no TableName output: is it an Incr stack? (\`cdk deploy\` names them Incr-<stage>)`);
    return tableName;
  } catch (error) {
    // CloudFormation's answer for a stack that does not exist in that account and region.
    if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message)) {
      const inRegion = region ?? (await cloudFormation.config.region().catch(() => undefined));
      throw new Failure(`no stack ${stackName} in region ${inRegion}: check --stack and --region (\`cdk deploy\` names it Incr-<stage>; \`cdk list\` shows it)`);
    }
    throw error;
  } finally {
    cloudFormation.destroy();
  }
};

const apiPort = (server: LocalServerRecord) => new URL(server.url).port;

/** The running `npm start`: the only one, or the one on --port. */
const localServer = (): LocalServerRecord => {
  const dataDir = localDataDir();
  const servers = runningLocalServers(dataDir);
  const listing = servers.map((server) => `  --port ${apiPort(server)}   ${server.url} (table ${server.tableName})`).join('\n');
  if (options.port) {
    const chosen = servers.find((server) => apiPort(server) === options.port);
    if (!chosen) {
      throw new Failure(servers.length ? `no local server on port ${options.port}; running:\n${listing}` : `no local server on port ${options.port}: start it with \`PORT=${options.port} npm start\``);
    }
    return chosen;
  }
  if (servers.length === 0) {
    throw new Failure(`no local server is running (none registered in ${dataDir}): start \`npm start\` in another terminal, or pass --stack <name>, or --endpoint <url> --table <name>`);
  }
  if (servers.length > 1) throw new UsageError(`${servers.length} local servers are running: choose one with --port (or pass --endpoint <url> --table <name>):\n${listing}`);
  return servers[0]!;
};

const connect = async (): Promise<Target> => {
  if (options.port && (options.stack || options.endpoint || options.table)) {
    throw new UsageError(`--port picks a running local server: it goes without --stack, --endpoint and --table (${helpPointer()})`);
  }
  if (options.region && !options.stack) throw new UsageError(`--region goes with --stack: ${helpPointer()}`);
  if (options.stack) {
    if (options.endpoint || options.table) throw new UsageError(`--stack finds its own table: it goes without --endpoint and --table (${helpPointer()})`);
    const tableName = await stackTableName(options.stack, options.region);
    const client = DynamoDBDocumentClient.from(new DynamoDBClient(options.region ? { region: options.region } : {}), { marshallOptions: { removeUndefinedValues: true } });
    return { client, tableName, where: `table ${tableName} of stack ${options.stack}`, tableHint: 'was the stack deleted meanwhile?' };
  }
  if (options.endpoint || options.table) {
    if (!options.endpoint || !options.table) throw new UsageError(`--endpoint and --table go together: ${helpPointer()}`);
    if (!URL.canParse(options.endpoint) || !/^https?:$/.test(new URL(options.endpoint).protocol)) {
      throw new UsageError(`--endpoint must be an http(s) URL such as http://127.0.0.1:8000, not '${options.endpoint}'`);
    }
    return {
      client: createDocumentClient(options.endpoint),
      tableName: options.table,
      where: `table ${options.table} at ${options.endpoint}`,
      tableHint: 'check --table (`npm start` uses incr-local, or its TABLE_NAME)',
    };
  }
  const local = localServer();
  return {
    client: createDocumentClient(local.endpoint),
    tableName: local.tableName,
    where: `the local server at ${local.url} (table ${local.tableName})`,
    tableHint: 'restart `npm start`, which creates it',
  };
};

/** One DescribeTable first: an unreachable endpoint, a missing table or bad credentials fail before any write. */
const checkTable = async ({ client, tableName, where, tableHint }: Target) => {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') throw new Failure(`no ${where}: ${tableHint}`);
    throw error;
  }
};

// ---------------------------------------------------------------------------------------------
// The commands.

const time = (epochMs: number) => new Date(epochMs).toISOString();

const keyLine = (key: ApiKeyRecord) =>
  [column(key.keyId, 20), column(key.kind, 5), column(`${key.prefix}…`, 19), `created ${time(key.createdAt)}`, key.revokedAt === undefined ? column('active', 32) : `revoked ${time(key.revokedAt)}`, key.name ?? '']
    .join('  ')
    .trimEnd();

const allKeys = async ({ client, tableName }: Target, ownerId: string) => {
  const keys: ApiKeyRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listApiKeys(client, tableName, ownerId, { limit: maxPageSize, cursor });
    keys.push(...page.items);
    cursor = page.nextCursor === null ? undefined : Buffer.from(page.nextCursor, 'base64url').toString('utf8');
  } while (cursor !== undefined);
  return keys;
};

const requireOwner = async (target: Target, ownerId: string) => {
  if (!(await ownerExists(target.client, target.tableName, ownerId))) {
    throw new Failure(`no owner ${ownerId} in ${target.where}: \`npm run incr -- list-owners\` shows them`);
  }
};

const run = async (command: CommandName) => {
  const target = await connect();
  await checkTable(target);
  const { client, tableName, where } = target;
  const nowMs = clock.now();

  switch (command) {
    case 'create-owner': {
      const name = required('name');
      const plan = knownPlan(options.plan ?? deployConfig().defaultPlan);
      const { owner, adminKey } = await createOwner(client, tableName, { name, plan, nowMs });
      console.log(`Created owner ${owner.ownerId} (${owner.name}, plan ${owner.plan}) in ${where}.`);
      console.log(`Admin key (shown only now, stored as a hash): ${adminKey.key}`);
      return;
    }
    case 'create-key': {
      const ownerId = required('owner');
      await requireOwner(target, ownerId);
      const apiKey = await createApiKey(client, tableName, { ownerId, kind: (options.kind ?? 'use') as KeyKind, name: options.name, nowMs });
      console.log(`Created ${apiKey.kind} key ${apiKey.keyId} for owner ${apiKey.ownerId} in ${where}.`);
      console.log(`Key (shown only now, stored as a hash): ${apiKey.key}`);
      return;
    }
    case 'set-plan': {
      const ownerId = required('owner');
      const plan = required('plan');
      if (!(await setOwnerPlan(client, tableName, ownerId, plan))) await requireOwner(target, ownerId);
      console.log(`Owner ${ownerId} is now on plan ${plan} (effective within 5 seconds).`);
      return;
    }
    case 'list-owners': {
      const owners = (await listOwners(client, tableName)).sort((a, b) => a.createdAt - b.createdAt || a.ownerId.localeCompare(b.ownerId));
      if (owners.length === 0) console.log(`No owners in ${where}: create one with \`npm run incr -- create-owner --name <name>\`.`);
      for (const owner of owners) console.log([owner.ownerId, column(`plan ${owner.plan}`, 16), `created ${time(owner.createdAt)}`, owner.name].join('  '));
      return;
    }
    case 'list-keys': {
      const ownerId = required('owner');
      await requireOwner(target, ownerId);
      const keys = await allKeys(target, ownerId);
      if (keys.length === 0) console.log(`Owner ${ownerId} has no keys: create one with \`npm run incr -- create-key --owner ${ownerId}\`.`);
      for (const key of keys) console.log(keyLine(key));
      return;
    }
    case 'revoke-key': {
      const ownerId = required('owner');
      const keyId = required('key');
      const result = await revokeApiKey(client, tableName, { ownerId, keyId, nowMs });
      if (result.outcome === 'not-found') {
        await requireOwner(target, ownerId);
        throw new Failure(`owner ${ownerId} has no key ${keyId} in ${where}: \`npm run incr -- list-keys --owner ${ownerId}\` shows them`);
      }
      if (result.outcome === 'already-revoked') {
        console.log(`Key ${keyId} of owner ${ownerId} was already revoked on ${time(result.key.revokedAt!)}.`);
        return;
      }
      console.log(`Revoked key ${keyId} of owner ${ownerId}: refused from now on (containers that checked it recently may accept it for up to 5 more seconds).`);
      return;
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Expected failures, each as one line with its fix.

/** Node reports a refused connection to a name with several addresses as an AggregateError of them. */
const networkCode = (error: unknown): string | undefined => {
  const { code, errors } = error as { code?: unknown; errors?: unknown[] };
  if (typeof code === 'string') return code;
  return errors?.map(networkCode).find((found) => found !== undefined);
};

const credentialFix = 'set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
const rejectedCredentials = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'InvalidSignatureException', 'AccessDenied', 'AccessDeniedException']);

const explain = (error: unknown): string | undefined => {
  if (error instanceof UsageError || error instanceof Failure || error instanceof ConfigError) return error.message;
  if (!(error instanceof Error)) return undefined;
  const code = networkCode(error);
  const endpoint = options.endpoint ?? 'the AWS endpoint';
  if (code === 'ECONNREFUSED') return `nothing is listening at ${endpoint}: start DynamoDB there (\`npm start\` starts DynamoDB Local), or fix --endpoint`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve the host of ${endpoint}: check --endpoint and your network`;
  if (code === 'ETIMEDOUT' || code === 'ECONNRESET') return `${endpoint} did not answer (${code}): check --endpoint and your network`;
  if (error.name === 'CredentialsProviderError') return `no AWS credentials found: ${credentialFix}`;
  if (rejectedCredentials.has(error.name)) return `AWS refused the credentials (${error.name}: ${error.message.split('\n')[0]}): ${credentialFix}, for an identity allowed to read the stack and write its table`;
  if (/region is missing/i.test(error.message)) return 'no AWS region: pass --region <region>, or set AWS_REGION';
  return undefined;
};

const main = async () => {
  ({ positionals, values: options } = parse(process.argv.slice(2)));
  const [command] = positionals;
  if (command === undefined || command === 'help') {
    const about = positionals[1];
    if (about !== undefined && !isCommand(about)) throw new UsageError(`unknown command ${about}: ${helpPointer()}`);
    if (options.help || command === 'help') {
      console.log(about ? commandHelp(about) : toolHelp());
      return exitCodes.ok;
    }
    // `npm run incr` alone asks for nothing: the help goes where errors go, with the usage exit code.
    console.error(toolHelp());
    return exitCodes.usage;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command ${command} (commands: ${Object.keys(commands).join(', ')}): ${helpPointer()}`);
  if (options.help) {
    console.log(commandHelp(command));
    return exitCodes.ok;
  }
  checkOptions(command);
  await run(command);
  return exitCodes.ok;
};

process.exitCode = await main().catch((error: unknown) => {
  const message = explain(error);
  console.error(message === undefined ? error : `incr: ${message}`);
  return error instanceof UsageError ? exitCodes.usage : exitCodes.failure;
});
