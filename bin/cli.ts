/**
 * `npm run incr -- <command>`: bootstrap owners and keys without any key, directly in the table.
 *
 *   create-owner --name <name> [--plan <plan>]                  an owner and its first admin key (default plan: cdk.json's incr:defaultPlan)
 *   create-key --owner <owner id> [--kind use|admin] [--name <name>]
 *   set-plan --owner <owner id> --plan <plan>                  a plan of cdk.json's incr:plans (countr's by default)
 *
 * Where the table is (first that applies):
 *   --stack <stack name> [--region <region>]   a deployed stack: its TableName output, with your AWS credentials
 *   --endpoint <url> --table <name>            any DynamoDB, e.g. DynamoDB Local
 *   [--port <API port>]                        the running `npm start` (the one on that port, when several run)
 *
 * `npm start` and the CLI find each other in the data folder: INCR_DATA_DIR, or the repository's `.incr-data`.
 */
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApiKey, createOwner, type KeyKind, ownerExists, setOwnerPlan } from '../lambdas/shared/api-keys.ts';
import { clock } from '../lambdas/shared/clock.ts';
import { createDocumentClient } from '../lambdas/shared/document-client.ts';
import { ConfigError, environmentOverrides, loadCdkJsonConfig } from '../lib/config.ts';
import { localDataDir } from '../lib/local/dev-server.ts';
import { runningLocalServers, type LocalServerRecord } from '../lib/local/server-registry.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

class UsageError extends Error {}

const { positionals, values: options } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    plan: { type: 'string' },
    owner: { type: 'string' },
    kind: { type: 'string', default: 'use' },
    stack: { type: 'string' },
    region: { type: 'string' },
    endpoint: { type: 'string' },
    table: { type: 'string' },
    port: { type: 'string' },
  },
});

const stackTableName = async (stackName: string, region?: string): Promise<string> => {
  const cloudFormation = new CloudFormationClient(region ? { region } : {});
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const tableName = Stacks?.[0]?.Outputs?.find(({ OutputKey }) => OutputKey === 'TableName')?.OutputValue;
  if (!tableName) throw new UsageError(`stack ${stackName} has no TableName output: is it an Incr stack?`);
  return tableName;
};

const apiPort = (server: LocalServerRecord) => new URL(server.url).port;

/** The running `npm start`: the only one, or the one on --port. */
const localServer = (): LocalServerRecord => {
  const servers = runningLocalServers(localDataDir());
  const listing = servers.map((server) => `  --port ${apiPort(server)}   ${server.url} (table ${server.tableName})`).join('\n');
  if (options.port) {
    const chosen = servers.find((server) => apiPort(server) === options.port);
    if (!chosen) throw new UsageError(`no local server on port ${options.port}${servers.length ? `; running:\n${listing}` : ''}`);
    return chosen;
  }
  if (servers.length === 0) throw new UsageError('no target: start `npm start` first, or pass --stack <name>, or --endpoint <url> --table <name>');
  if (servers.length > 1) throw new UsageError(`${servers.length} local servers are running: choose one with --port (or pass --endpoint <url> --table <name>):\n${listing}`);
  return servers[0]!;
};

const connect = async (): Promise<{ client: DynamoDBDocumentClient; tableName: string; where: string }> => {
  if (options.port && (options.stack || options.endpoint || options.table)) {
    throw new UsageError('--port picks a running local server: it goes without --stack, --endpoint and --table');
  }
  if (options.stack) {
    const tableName = await stackTableName(options.stack, options.region);
    const client = DynamoDBDocumentClient.from(new DynamoDBClient(options.region ? { region: options.region } : {}));
    return { client, tableName, where: `table ${tableName} of stack ${options.stack}` };
  }
  if (options.endpoint || options.table) {
    if (!options.endpoint || !options.table) throw new UsageError('--endpoint and --table go together');
    return { client: createDocumentClient(options.endpoint), tableName: options.table, where: `${options.endpoint}, table ${options.table}` };
  }
  const local = localServer();
  return { client: createDocumentClient(local.endpoint), tableName: local.tableName, where: `the local server at ${local.url} (table ${local.tableName})` };
};

const required = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
};

const run = async () => {
  const [command] = positionals;
  if (command !== 'create-owner' && command !== 'create-key' && command !== 'set-plan') {
    throw new UsageError('commands: create-owner, create-key, set-plan');
  }
  // The plans the deployment enforces: cdk.json's `incr:plans` (countr's by default), or INCR_PLANS as for npm start.
  const { plans: knownPlans, defaultPlan } = loadCdkJsonConfig(environmentOverrides());
  const plan = command === 'set-plan' ? required(options.plan, '--plan') : (options.plan ?? defaultPlan);
  if (!knownPlans[plan]) throw new UsageError(`unknown plan ${plan} (known: ${Object.keys(knownPlans).join(', ')})`);
  const { client, tableName, where } = await connect();
  const nowMs = clock.now();
  if (command === 'create-owner') {
    const { owner, adminKey } = await createOwner(client, tableName, { name: required(options.name, '--name'), plan, nowMs });
    console.log(`Created owner ${owner.ownerId} (${owner.name}, plan ${owner.plan}) in ${where}.`);
    console.log(`Admin key (shown only now, stored as a hash): ${adminKey.key}`);
    return;
  }
  const ownerId = required(options.owner, '--owner');
  if (command === 'set-plan') {
    if (!(await setOwnerPlan(client, tableName, ownerId, plan))) throw new UsageError(`no owner ${ownerId} in ${where}`);
    console.log(`Owner ${ownerId} is now on plan ${plan} (effective within 5 seconds).`);
    return;
  }
  if (options.kind !== 'use' && options.kind !== 'admin') throw new UsageError('--kind is use or admin');
  if (!(await ownerExists(client, tableName, ownerId))) throw new UsageError(`no owner ${ownerId} in ${where}`);
  const apiKey = await createApiKey(client, tableName, {
    ownerId,
    kind: options.kind as KeyKind,
    name: options.name,
    nowMs,
  });
  console.log(`Created ${apiKey.kind} key ${apiKey.keyId} for owner ${apiKey.ownerId} in ${where}.`);
  console.log(`Key (shown only now, stored as a hash): ${apiKey.key}`);
};

await run().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof ConfigError ? `incr: ${error.message}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
