/**
 * `npm run bench:costs`: what one request of each route costs, measured in this process against
 * DynamoDB Local. For every route with a sample request below, it invokes the real handler module
 * (warm, as a Lambda container would be) and reports:
 *
 * - the handler's p50 duration here, the p50 of a raw DynamoDB Local call of the same kind in the
 *   same run, and their ratio (DynamoDB Local is slow; absolute times say little about AWS);
 * - the DynamoDB capacity units each request consumed (ReturnConsumedCapacity, as AWS bills them);
 * - the bytes each request logs (the request line and the EMF metrics line);
 * - an estimate of the cost per million requests in AWS, from the assumptions printed with it.
 *
 * It prints figures and never fails on them. A route without a sample request is listed as such:
 * add one to `samples` when adding a route.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createRouter, toEvent } from '../lib/local/api-gateway.ts';
import { ensureTable, startDynamoDbLocal } from '../lib/local/dynamodb-local.ts';
import { lambdaContext } from '../lib/local/server.ts';
import { routes } from '../lib/routes.ts';

const invocations = Number(process.env.BENCH_INVOCATIONS ?? 200);
const warmUp = 50;

/** Public list prices in us-east-1, November 2026 (DynamoDB on-demand as cut in November 2024). */
const prices = {
  httpApiPerMillion: 1.0,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  writeRequestUnitPerMillion: 0.625,
  readRequestUnitPerMillion: 0.125,
  logsIngestionPerGb: 0.5,
  xrayTracesPerMillion: 5.0,
};

/** What this machine cannot measure, stated so that the estimate can be checked and redone. */
const assumptions = {
  memoryMb: 256,
  /** Lambda gives a function CPU in proportion to memory: one full vCPU at 1,769 MB. */
  cpuSlowdown: 1769 / 256,
  /** One warm DynamoDB round trip from Lambda in the same region, SDK included, by kind of call. */
  dynamodbRoundTripMs: { get: 6, update: 6, transaction: 10, batch: 10, none: 0 },
  /** Lambda's START, END and REPORT lines (with the X-Ray trace id), per invocation. */
  platformLogBytes: 420,
  /** One access log line of the API (lib/api-stage.ts), with typical values. */
  accessLogBytes: 420,
  /** CloudWatch Logs bills each event's bytes plus 26. */
  logEventOverheadBytes: 26,
  /** X-Ray's default sampling: the first request each second, then 5 %. */
  xraySampledShare: 0.05,
};

/** The raw DynamoDB call a route's request makes, measured alone as the baseline. */
type CallKind = 'get' | 'update' | 'transaction' | 'batch' | 'none';
/** `setup` requests run first, each through its own route. */
type Sample = { path: (index: number) => string; call: CallKind; setup?: (index: number) => string };
const counterNames = (index: number) => `bench.example/k-${index % 50}`;
const resettable = (index: number) => `bench.example/r-${index % 50}`;
const samples: Record<string, Sample> = {
  'countapi-hit': { path: (index) => `/hit/${counterNames(index)}`, call: 'update', setup: (index) => `/hit/${counterNames(index)}` },
  'countapi-get': { path: (index) => `/get/${counterNames(index)}`, call: 'get' },
  'countapi-set': {
    path: (index) => `/set/${resettable(index)}?value=${index}`,
    call: 'update',
    setup: (index) => `/create?namespace=bench.example&key=r-${index}&enable_reset=1&update_upperbound=5`,
  },
  'countapi-update': { path: (index) => `/update/${resettable(index)}?amount=1`, call: 'update' },
  'countapi-info': { path: (index) => `/info/${counterNames(index)}`, call: 'get' },
  'countapi-create': { path: () => `/create?namespace=bench.example&key=${randomUUID()}`, call: 'transaction' },
  'countapi-stats': { path: () => '/stats', call: 'batch' },
  fallback: { path: () => '/no/such/path', call: 'none' },
};

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
};

const dynamodb = await startDynamoDbLocal();
try {
  const tableName = 'incr-bench';
  await ensureTable(dynamodb.endpoint, tableName);
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamodb.endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'us-east-1',
    IP_HASH_SECRET: 'bench-ip-hash-secret',
    INCR_VERSION: 'bench',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    POWERTOOLS_METRICS_DISABLED: 'false',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  // Loaded only now: the modules read their configuration when they load.
  const { documentClient } = await import('../lambdas/shared/dynamodb.ts');
  const { createDocumentClient } = await import('../lambdas/shared/document-client.ts');
  const { shardCount, shardKey } = await import('../lambdas/countapi/stats-shards.ts');

  // Every DynamoDB call of the handlers reports the capacity it consumed, as AWS would bill it.
  const consumed = { read: 0, write: 0, calls: 0, unreported: 0 };
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      consumed.calls += 1; // a refused condition is a call too (and AWS bills it)
      const result = await next(args);
      const capacity = [(result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity ?? []].flat() as { CapacityUnits?: number }[];
      const units = capacity.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
      const transactItems = (args.input as { TransactItems?: unknown[] }).TransactItems;
      // DynamoDB Local under-reports transactions of several items; AWS bills 2 units per item
      // of up to 1 KB (ours are far smaller), which is what is counted instead.
      if (transactItems && /^TransactWrite/.test(context.commandName ?? '')) consumed.write += 2 * transactItems.length;
      else if (transactItems) consumed.read += 2 * transactItems.length;
      else if (capacity.length === 0) consumed.unreported += 1;
      else if (/^(Get|BatchGet|Query|Scan)/.test(context.commandName ?? '')) consumed.read += units;
      else consumed.write += units;
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );

  // The functions' log lines, counted instead of printed.
  let loggedBytes = 0;
  const print = process.stdout.write.bind(process.stdout);
  const silence = () => {
    process.stdout.write = ((chunk: string | Uint8Array) => {
      loggedBytes += Buffer.byteLength(chunk);
      return true;
    }) as typeof process.stdout.write;
  };
  const restore = () => (process.stdout.write = print);

  type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;
  const matchRoute = createRouter(routes);
  const handlers = new Map<string, Promise<Handler>>();
  const handlerOf = (route: (typeof routes)[number]) => {
    if (!handlers.has(route.id)) handlers.set(route.id, import(`../${route.entry}`).then((module: { handler: Handler }) => module.handler));
    return handlers.get(route.id)!;
  };
  /** Invokes the handler of the route `path` matches, as API Gateway would; returns the handler's duration. */
  const invoke = async (path: string, index: number) => {
    const match = matchRoute('GET', path.split('?')[0]!)!;
    const handler = await handlerOf(match.route);
    const event = toEvent(
      // Many client addresses, so that the creation limit (20 per address per second) never answers 429.
      { method: 'GET', url: path, headers: [['host', 'bench.local']], body: Buffer.alloc(0), remoteAddress: `10.0.${index % 250}.${index % 7}`, localPort: 443 },
      match,
    );
    const started = performance.now();
    await handler(event, lambdaContext(match.route, Date.now() + 10_000));
    return performance.now() - started;
  };

  // In steady state every statistics shard exists, and /stats reads all of them.
  for (let shard = 0; shard < shardCount; shard++) {
    await documentClient.send(new PutCommand({ TableName: tableName, Item: { ...shardKey(shard), requests: 1, keysCreated: 0, keysUpdated: 0 } }));
  }
  // Its own client, so that the baseline's calls are not counted as the handlers'.
  const rawClient = createDocumentClient(dynamodb.endpoint);
  const rawKey = (index: number) => ({ pk: `raw#${index % 50}`, sk: 'x' });
  const rawCalls: Record<CallKind, (index: number) => Promise<unknown>> = {
    get: (index) => rawClient.send(new GetCommand({ TableName: tableName, Key: rawKey(index), ConsistentRead: true })),
    update: (index) =>
      rawClient.send(new UpdateCommand({ TableName: tableName, Key: rawKey(index), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } })),
    transaction: (index) =>
      rawClient.send(
        new TransactWriteCommand({
          TransactItems: [0, 1].map((item) => ({
            Update: { TableName: tableName, Key: rawKey(index + item), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } },
          })),
        }),
      ),
    batch: () =>
      rawClient.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: Array.from({ length: shardCount }, (_, shard) => shardKey(shard)), ConsistentRead: true } } }),
      ),
    none: async () => undefined,
  };
  silence();

  const rows: string[] = [];
  const missing: string[] = [];
  const unreported: string[] = [];
  for (const route of routes) {
    const sample = samples[route.id];
    if (!sample) {
      missing.push(route.id);
      continue;
    }
    for (let index = 0; index < 50 && sample.setup; index++) await invoke(sample.setup(index), index);
    for (let index = 0; index < warmUp; index++) {
      await rawCalls[sample.call](index);
      await invoke(sample.path(index), index);
    }
    Object.assign(consumed, { read: 0, write: 0, calls: 0, unreported: 0 });
    loggedBytes = 0;
    // Alternating with the raw call, so that both see DynamoDB Local in the same state.
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let index = 0; index < invocations; index++) {
      const started = performance.now();
      await rawCalls[sample.call](index);
      rawTimes.push(performance.now() - started);
      times.push(await invoke(sample.path(index), index));
    }

    const p50 = percentile(times, 0.5);
    const roundTrips = consumed.calls / invocations;
    const rawCall = percentile(rawTimes, 0.5);
    // What the handler spends beyond its DynamoDB call is our own CPU time, slower on a 256 MB Lambda.
    const ownMs = Math.max(0, p50 - roundTrips * rawCall);
    const awsMs = Math.ceil(ownMs * assumptions.cpuSlowdown + roundTrips * assumptions.dynamodbRoundTripMs[sample.call]);
    const [wru, rru] = [consumed.write / invocations, consumed.read / invocations];
    if (consumed.unreported > 0) unreported.push(`${route.id} (${consumed.unreported} of ${consumed.calls} calls)`);
    const logBytes = loggedBytes / invocations;
    const logEvents = 2 + 3 + 1; // request line, EMF line (when any), START/END/REPORT, access log
    const totalLogBytes = logBytes + assumptions.platformLogBytes + assumptions.accessLogBytes + logEvents * assumptions.logEventOverheadBytes;
    const cost = {
      api: prices.httpApiPerMillion,
      lambda: prices.lambdaPerMillionRequests + (awsMs / 1000) * (assumptions.memoryMb / 1024) * prices.lambdaArmPerGbSecond * 1e6,
      dynamodb: wru * prices.writeRequestUnitPerMillion + rru * prices.readRequestUnitPerMillion,
      logs: ((totalLogBytes * 1e6) / 2 ** 30) * prices.logsIngestionPerGb,
      xray: assumptions.xraySampledShare * prices.xrayTracesPerMillion,
    };
    const total = Object.values(cost).reduce((sum, part) => sum + part, 0);
    const dollars = (value: number) => `$${value.toFixed(3)}`;
    rows.push(
      `| ${route.id} | ${p50.toFixed(2)} | ${sample.call === 'none' ? '-' : `${rawCall.toFixed(2)} (${sample.call})`} | ` +
        `${sample.call === 'none' ? '-' : `${(p50 / rawCall).toFixed(2)}x`} | ${roundTrips.toFixed(2)} | ` +
        `${awsMs} | ${wru.toFixed(2)} | ${rru.toFixed(2)} | ${Math.round(logBytes)} | ` +
        `${dollars(cost.api)} | ${dollars(cost.lambda)} | ${dollars(cost.dynamodb)} | ${dollars(cost.logs)} | ${dollars(cost.xray)} | **${dollars(total)}** |`,
    );
  }
  restore();

  console.log(`${invocations} warm invocations per route after ${warmUp} warm-up ones, against DynamoDB Local.\n`);
  console.log('| Route | handler p50 here (ms) | raw call p50 (ms) | ratio | DynamoDB calls | est. AWS ms | WRU | RRU | log bytes | API | Lambda | DynamoDB | Logs | X-Ray | Total per million |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log(`\nPrices: ${JSON.stringify(prices)}\nAssumptions: ${JSON.stringify(assumptions)}`);
  if (unreported.length > 0) console.log(`\nDynamoDB Local reported no consumed capacity for some calls of: ${unreported.join(', ')}.`);
  if (missing.length > 0) console.log(`\nNo sample request for: ${missing.join(', ')} (add one to bench/route-costs.ts).`);
} finally {
  await dynamodb.stop();
}
