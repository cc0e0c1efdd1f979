/**
 * `npm run bench:costs`: what one request of each route costs, measured in this process against
 * DynamoDB Local. For every route with a sample request below, it invokes the real handler module
 * (warm, as a Lambda container would be), alternating with a raw DynamoDB Local call of the same
 * kind, and reports:
 *
 * - the handler's p50 duration here, the raw call's p50 in the same run, and their ratio
 *   (DynamoDB Local is slow: absolute times say little about AWS);
 * - the sequential DynamoDB round trips of a request (calls made in parallel count once), and the
 *   handler's own time, without the time it waited for DynamoDB;
 * - the DynamoDB capacity units each request consumed (ReturnConsumedCapacity, as AWS bills them);
 * - the bytes of its request line, and of one flush of the metrics it records;
 * - an estimate of the cost per million requests in AWS, from the assumptions printed with it
 *   (bench/cost-model.ts), beside the floor (API, Lambda, DynamoDB), with the default settings and
 *   with each setting that changes the figure. It writes those tables into docs/cost.md.
 *
 * It prints figures and never fails on them. Routes without a sample (key management and quota
 * configuration, rare by nature) are listed as such; add one to `samples` for a new hot route.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createRouter, toEvent } from '../lib/local/api-gateway.ts';
import { startBenchTable } from './bench-table.ts';
import { lambdaContext } from '../lib/local/server.ts';
import { routes, type Route } from '../lib/routes.ts';
import { clock } from '../lambdas/shared/clock.ts';
import { assumptions, costOf, defaults, prices, renderCostTables, withCostTables, type CallKind, type Measurement } from './cost-model.ts';

const invocations = Number(process.env.BENCH_INVOCATIONS ?? 200);
const warmUp = 50;

/** The raw DynamoDB call a route's request mostly waits for, measured alone as the baseline. */
type BenchRequest = { method?: string; path: string; body?: unknown; key?: 'use' | 'admin'; headers?: Record<string, string> };
/** `setup` requests run first, each through its own route; `hot`: the defaults keep it within 1.1 × its floor. */
type Sample = { request: (index: number) => BenchRequest; call: CallKind; setup?: (index: number) => BenchRequest; hot?: true };

const counterName = (index: number) => `bench.example/k-${index % 50}`;
const resettable = (index: number) => `bench.example/r-${index % 50}`;
const quotaMetric = 'bench_calls';
const samples: Record<string, Sample> = {
  'countapi-hit': { request: (index) => ({ path: `/hit/${counterName(index)}` }), call: 'update', setup: (index) => ({ path: `/hit/${counterName(index)}` }), hot: true },
  'countapi-get': { request: (index) => ({ path: `/get/${counterName(index)}` }), call: 'get', hot: true },
  'countapi-set': {
    request: (index) => ({ path: `/set/${resettable(index)}?value=${index}` }),
    call: 'update',
    setup: (index) => ({ path: `/create?namespace=bench.example&key=r-${index}&enable_reset=1&update_upperbound=5` }),
  },
  'countapi-update': { request: (index) => ({ path: `/update/${resettable(index)}?amount=1` }), call: 'update' },
  'countapi-info': { request: (index) => ({ path: `/info/${counterName(index)}` }), call: 'get' },
  'countapi-create': { request: () => ({ path: `/create?namespace=bench.example&key=${randomUUID()}` }), call: 'transaction' },
  'countapi-stats': { request: () => ({ path: '/stats' }), call: 'batch' },
  hits: { request: (index) => ({ path: `/hits/bench.example/page-${index % 50}` }), call: 'update', hot: true },
  'hits-svg': { request: (index) => ({ path: `/hits/bench.example/page-${index % 50}.svg` }), call: 'update', hot: true },
  'counters-increment': { request: (index) => ({ method: 'POST', path: `/v1/counters/c-${index % 50}/increment`, key: 'use' }), call: 'update', hot: true },
  'counters-decrement': { request: (index) => ({ method: 'POST', path: `/v1/counters/c-${index % 50}/decrement`, key: 'use' }), call: 'update' },
  'counters-decrement-if-exists': {
    request: (index) => ({ method: 'POST', path: `/v1/counters/d-${index % 50}/decrement-if-exists`, key: 'use' }),
    call: 'update',
    setup: (index) => ({ method: 'POST', path: `/v1/counters/d-${index}/increment`, body: { by: 1_000_000 }, key: 'use' }),
  },
  'counters-get': { request: (index) => ({ path: `/v1/counters/c-${index % 50}`, key: 'use' }), call: 'get', hot: true },
  'counters-multi-get': {
    request: (index) => ({ path: `/v1/counters?keys=${Array.from({ length: 10 }, (_, offset) => `c-${(index + offset) % 50}`).join(',')}`, key: 'use' }),
    call: 'batch',
  },
  'namespace-counter-get': { request: (index) => ({ path: `/v1/misc/counter/ns-${index % 50}`, key: 'use' }), call: 'get' },
  'namespace-counter-increment': { request: (index) => ({ method: 'POST', path: `/v1/misc/counter/ns-${index % 50}`, key: 'use' }), call: 'update' },
  'quota-check-consume': {
    request: (index) => ({ method: 'POST', path: '/v1/check-consume', body: { subject: `user_${index % 50}`, metric: quotaMetric, cost: 1 }, key: 'use' }),
    call: 'update',
    setup: (index) =>
      index === 0
        ? { method: 'POST', path: '/v1/metrics', body: { metric: quotaMetric, limit: 1_000_000, window: 'month' }, key: 'admin' }
        : { path: '/health' },
    hot: true,
  },
  'quota-usage': { request: (index) => ({ path: `/v1/usage?subject=user_${index % 50}&metric=${quotaMetric}`, key: 'use' }), call: 'update', hot: true },
  'health-deep': { request: () => ({ path: '/v1/health' }), call: 'get' },
  health: { request: () => ({ path: '/health' }), call: 'none' },
  fallback: { request: () => ({ path: '/no/such/path' }), call: 'none' },
};

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
};

const tableName = 'incr-bench';
const dynamodb = await startBenchTable(tableName, {
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_METRICS_DISABLED: 'false',
  // Every request line, so that its size is measured; the cost model applies the sampling rate.
  INCR_REQUEST_LOG_SAMPLE_RATE: '1',
  INCR_SLOW_REQUEST_MS: '60000',
  // A plan roomy enough that every quota decision is an allowed one: the common case.
  INCR_PLANS: JSON.stringify({
    bench: { monthlyRequests: 1_000_000_000, requestsPerMinute: 100_000_000, requestsPerSecond: 1_000_000, apiKeys: 'unlimited' },
  }),
});
try {
  // Loaded only now: the modules read their configuration when they load.
  const { documentClient } = await import('../lambdas/shared/dynamodb.ts');
  const { createDocumentClient } = await import('../lambdas/shared/document-client.ts');
  const { shardCount } = await import('../lambdas/countapi/stats-shards.ts');
  const { countapiStatsShardKey: shardKey } = await import('../lambdas/shared/keys.ts');
  const { createApiKey, createOwner } = await import('../lambdas/shared/api-keys.ts');

  const { owner, adminKey } = await createOwner(documentClient, tableName, { name: 'bench', plan: 'bench', nowMs: clock.now() });
  const useKey = await createApiKey(documentClient, tableName, { ownerId: owner.ownerId, kind: 'use', nowMs: clock.now() });
  const keys = { admin: adminKey.key, use: useKey.key };

  // Every DynamoDB call of the handlers reports the capacity it consumed, as AWS would bill it, and
  // the time the handler spends waiting for DynamoDB is tracked (parallel calls count once).
  const consumed = { read: 0, write: 0, unreported: 0, roundTrips: 0 };
  const waiting = { inFlight: 0, since: 0, totalMs: 0 };
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      if (waiting.inFlight++ === 0) {
        consumed.roundTrips += 1;
        waiting.since = performance.now();
      }
      const transactItems = (args.input as { TransactItems?: unknown[] }).TransactItems;
      try {
        const result = await next(args);
        const capacity = [(result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity ?? []].flat() as { CapacityUnits?: number }[];
        const units = capacity.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
        // DynamoDB Local under-reports transactions of several items; AWS bills 2 units per item
        // of up to 1 KB (ours are far smaller), which is what is counted instead.
        if (transactItems && /^TransactWrite/.test(context.commandName ?? '')) consumed.write += 2 * transactItems.length;
        else if (transactItems) consumed.read += 2 * transactItems.length;
        else if (capacity.length === 0) consumed.unreported += 1;
        else if (/^(Get|BatchGet|Query|Scan)/.test(context.commandName ?? '')) consumed.read += units;
        else consumed.write += units;
        return result;
      } catch (error) {
        // A refused condition returns no capacity, but AWS bills the write it attempted: 1 unit per
        // item of up to 1 KB, 2 per item of a transaction.
        const name = (error as Error).name;
        if (name === 'ConditionalCheckFailedException') consumed.write += 1;
        if (name === 'TransactionCanceledException') consumed.write += 2 * (transactItems?.length ?? 0);
        throw error;
      } finally {
        if (--waiting.inFlight === 0) waiting.totalMs += performance.now() - waiting.since;
      }
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );

  // The functions' log lines, counted instead of printed: request lines and EMF lines apart.
  const logged = { requestBytes: 0, emfBytes: 0, emfLines: 0 };
  const print = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    for (const line of chunk.toString().split('\n').filter((text) => text !== '')) {
      const bytes = Buffer.byteLength(line) + 1;
      if (line.includes('"_aws":')) {
        logged.emfBytes += bytes;
        logged.emfLines += 1;
      } else if (line.includes('"message":"request"')) logged.requestBytes += bytes;
    }
    return true;
  }) as typeof process.stdout.write;
  // No flush while a route runs: one flush after all of its requests is measured instead.
  const { containerMetrics } = await import('../lambdas/shared/metrics.ts');
  containerMetrics.flushes.intervalMs = Number.POSITIVE_INFINITY;

  type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  const matchRoute = createRouter(routes);
  const handlers = new Map<string, Promise<Handler>>();
  const handlerOf = (route: Route) => {
    if (!handlers.has(route.id)) handlers.set(route.id, import(`../${route.entry}`).then((module: { handler: Handler }) => module.handler));
    return handlers.get(route.id)!;
  };
  /** Invokes the handler of the route the request matches, as API Gateway would; returns its duration and status. */
  const invoke = async ({ method = 'GET', path, body, key, headers = {} }: BenchRequest, index: number) => {
    const match = matchRoute(method, path.split('?')[0]!)!;
    const handler = await handlerOf(match.route);
    const event = toEvent(
      {
        method,
        url: path,
        headers: Object.entries({
          host: 'bench.local',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { authorization: `Bearer ${keys[key]}` } : {}),
          ...headers,
        }),
        body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
        // Many client addresses, so that the creation limit (20 per address per second) never answers 429.
        remoteAddress: `10.0.${index % 250}.${index % 7}`,
        localPort: 443,
      },
      match,
    );
    const started = performance.now();
    const result = await handler(event, lambdaContext(match.route, performance.now() + 10_000));
    return { ms: performance.now() - started, status: result.statusCode ?? 200 };
  };

  // In steady state every statistics shard exists, and /stats reads all of them.
  for (let shard = 0; shard < shardCount; shard++) {
    await documentClient.send(new PutCommand({ TableName: tableName, Item: { ...shardKey(shard), requests: 1, keysCreated: 0, keysUpdated: 0 } }));
  }
  // Its own client, so that the baseline's calls are not counted as the handlers'.
  const rawClient = createDocumentClient(dynamodb.endpoint);
  const rawKey = (index: number) => ({ pk: `raw#${index % 50}`, sk: 'x' });
  const rawUpdate = (index: number) => ({ TableName: tableName, Key: rawKey(index), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } });
  const rawCalls: Record<CallKind, (index: number) => Promise<unknown>> = {
    get: (index) => rawClient.send(new GetCommand({ TableName: tableName, Key: rawKey(index), ConsistentRead: true })),
    update: (index) => rawClient.send(new UpdateCommand(rawUpdate(index))),
    transaction: (index) => rawClient.send(new TransactWriteCommand({ TransactItems: [{ Update: rawUpdate(index) }, { Update: rawUpdate(index + 1) }] })),
    batch: () =>
      rawClient.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: Array.from({ length: shardCount }, (_, shard) => shardKey(shard)), ConsistentRead: true } } }),
      ),
    none: async () => undefined,
  };

  const rows: string[] = [];
  const notes: string[] = [];
  const measurements: Measurement[] = [];
  const sampled = new Set<string>();
  for (const [name, sample] of Object.entries(samples)) {
    const { method = 'GET', path } = sample.request(0);
    sampled.add(matchRoute(method, path.split('?')[0]!)!.route.id);
    for (let index = 0; index < 50 && sample.setup; index++) await invoke(sample.setup(index), index);
    for (let index = 0; index < warmUp; index++) {
      await rawCalls[sample.call](index);
      await invoke(sample.request(index), index);
    }
    containerMetrics.flush();
    Object.assign(consumed, { read: 0, write: 0, unreported: 0, roundTrips: 0 });
    Object.assign(logged, { requestBytes: 0, emfBytes: 0, emfLines: 0 });
    const handlerMs: number[] = [];
    const ownMs: number[] = [];
    const rawMs: number[] = [];
    const statuses = new Set<number>();
    // Alternating with the raw call, so that both see DynamoDB Local in the same state.
    for (let index = 0; index < invocations; index++) {
      const started = performance.now();
      await rawCalls[sample.call](index);
      rawMs.push(performance.now() - started);
      waiting.totalMs = 0;
      const { ms, status } = await invoke(sample.request(index), index);
      handlerMs.push(ms);
      ownMs.push(ms - waiting.totalMs);
      statuses.add(status);
    }
    containerMetrics.flush();

    const [p50, rawP50, ownP50] = [percentile(handlerMs, 0.5), percentile(rawMs, 0.5), percentile(ownMs, 0.5)];
    const roundTrips = consumed.roundTrips / invocations;
    // Our own CPU time is slower on a 256 MB Lambda; each sequential round trip takes what DynamoDB takes.
    const awsMs = Math.ceil(ownP50 * assumptions.cpuSlowdown + roundTrips * assumptions.dynamodbRoundTripMs[sample.call]);
    const round = (value: number) => Math.round(value * 100) / 100;
    const measurement: Measurement = {
      sample: name,
      hot: sample.hot === true,
      awsMs,
      wru: round(consumed.write / invocations),
      rru: round(consumed.read / invocations),
      requestLineBytes: Math.round(logged.requestBytes / invocations),
      emfBytesPerFlush: logged.emfBytes,
      emfLinesPerFlush: logged.emfLines,
    };
    measurements.push(measurement);
    const cost = costOf(measurement, defaults);
    const raw = sample.call === 'none' ? ['-', '-'] : [`${rawP50.toFixed(2)} (${sample.call})`, `${(p50 / rawP50).toFixed(2)}x`];
    rows.push(
      `| ${name} | ${[...statuses].join(', ')} | ${p50.toFixed(2)} | ${raw.join(' | ')} | ${roundTrips.toFixed(2)} | ${ownP50.toFixed(2)} | ${awsMs} | ` +
        `${measurement.requestLineBytes} | ${measurement.emfBytesPerFlush} (${measurement.emfLinesPerFlush}) | $${cost.floor.toFixed(2)} | $${cost.total.toFixed(2)} | ${cost.ratio.toFixed(2)}x |`,
    );
    if (consumed.unreported > 0) notes.push(`DynamoDB Local reported no consumed capacity for ${consumed.unreported} calls of ${name}`);
  }
  for (const route of routes) if (!sampled.has(route.id)) notes.push(`no sample request for ${route.id}`);
  process.stdout.write = print;

  console.log(`${invocations} warm invocations per route after ${warmUp} warm-up ones, against DynamoDB Local.\n`);
  console.log(
    '| Sample | status | handler p50 here (ms) | raw call p50 (ms) | ratio | round trips | own p50 (ms) | est. AWS ms | request line bytes | ' +
      'EMF bytes per flush (lines) | Floor per million | Total (defaults) | Total / floor |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  const date = new Date(clock.now()).toISOString().slice(0, 10);
  console.log(`\n${renderCostTables(measurements, date)}`);
  const hotOver = measurements.filter((measurement) => measurement.hot && costOf(measurement, defaults).ratio > 1.1).map(({ sample }) => sample);
  console.log(`\nHot routes above 1.1 × their floor with the default settings: ${hotOver.length === 0 ? 'none' : hotOver.join(', ')}`);
  console.log(`\nPrices: ${JSON.stringify(prices)}\nAssumptions: ${JSON.stringify(assumptions)}`);
  if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
  const costDoc = new URL('../docs/cost.md', import.meta.url);
  writeFileSync(costDoc, withCostTables(readFileSync(costDoc, 'utf8'), measurements, date));
  console.log('\nWrote the tables into docs/cost.md.');
} finally {
  await dynamodb.stop();
}
