/**
 * `npm run bench:hottest`: how far each hot route scales before one DynamoDB item limits it.
 * DynamoDB Local has no per-item limit and is far slower than AWS, so this measures structure,
 * not speed: it sends BENCH_REQUESTS requests (default 1,000, 16 at a time) to each route through
 * the local server, records the partition key of every write the handlers send (each item of a
 * transaction or batch), and prints the hottest item's writes per request. One item takes ~1,000
 * writes/s in AWS, so the route's projected ceiling is 1,000 ÷ that share requests/s.
 *
 * The keyed routes run for one capped owner and many subjects (or counters), so the owner's
 * account counts are the shared items, and once for one hot subject; the public routes run on one
 * counter. Each route runs twice:
 * **before**, the layout without shards (the account on one item per count, the plan's `shards: 1`;
 * a public counter never throttled, a metric without shards), and **after**, as deployed (the
 * account's shards derived from the plan's caps; the hot subject's metric with `shards`; a public
 * counter sharded after one throttled write, which the bench refuses as AWS would). It prints figures and never fails on them.
 */
import { request as httpRequest } from 'node:http';
import { startBenchTable } from './bench-table.ts';
import { recordWrites } from './write-recorder.ts';
import { startLocalApi } from '../lib/local/server.ts';
import { routes } from '../lib/routes.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 1_000);
const concurrency = 16;
const itemWritesPerSecond = 1_000;
const subjects = 500;
/** The hot subject's metric, after: its window spread over this many items. */
const hotSubjectShards = 16;
/** Many visitors, as a hot page has: each visitor's marker is an item of its own. */
const addresses = Array.from({ length: 200 }, (_, index) => `127.0.3.${index + 1}`);

/** A GET from one of the visitors' addresses, answered with its status. */
const visit = (url: string, index: number): Promise<number> =>
  new Promise((resolve, reject) => {
    httpRequest(url, { localAddress: addresses[index % addresses.length], agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });

/** One plan capping all three windows at 10,000 requests a second; `before` keeps each count on one item. */
const caps = { monthlyRequests: 1_000_000_000, requestsPerMinute: 600_000, requestsPerSecond: 10_000, apiKeys: 'unlimited', overages: false };
const plans = { before: { ...caps, shards: 1 }, after: caps };

const dynamodb = await startBenchTable('incr-bench-hottest', {
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  POWERTOOLS_METRICS_DISABLED: 'true',
  INCR_PLANS: JSON.stringify(plans),
});
try {
  // Loaded only now: the modules read their configuration when they load.
  const { documentClient } = await import('../lambdas/shared/dynamodb.ts');
  const { createApiKey, createOwner } = await import('../lambdas/shared/api-keys.ts');
  const { countapiCounterKey, hitCounterKey } = await import('../lambdas/shared/keys.ts');
  const { table } = await import('../lambdas/shared/table.ts');
  const { accountShards, planSchema } = await import('../lambdas/shared/plans.ts');
  const tableName = process.env.TABLE_NAME!;

  const { writes, refuseOnce, pkOf } = recordWrites(documentClient, table.partitionKey);

  const api = await startLocalApi({ routes, port: 0 });
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${api.url}${path}`, init);
    await response.arrayBuffer();
    return response.status;
  };
  const keyed = (key: string, method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  const ownerOn = async (plan: keyof typeof plans) => {
    const nowMs = Date.now();
    const { owner, adminKey } = await createOwner(documentClient, tableName, { name: `bench-${plan}`, plan, nowMs });
    const useKey = await createApiKey(documentClient, tableName, { ownerId: owner.ownerId, kind: 'use', nowMs });
    const metrics = [
      { metric: 'api_calls', limit: 1_000_000, window: 'month' },
      { metric: 'hot_calls', limit: 1_000_000, window: 'month', ...(plan === 'after' && { shards: hotSubjectShards }) },
    ];
    for (const metric of metrics) {
      const status = await send('/v1/metrics', keyed(adminKey.key, 'POST', metric));
      if (status !== 201) throw new Error(`creating the metric answered ${status}`);
    }
    return { ownerId: owner.ownerId, useKey: useKey.key };
  };

  const rows: string[][] = [];
  /** Sends `requests` requests (`request(index)` answers a status), with the writes counted from a clean slate. */
  const run = async (route: string, phase: string, request: (index: number) => Promise<number>, describeItem: (pk: string) => string) => {
    writes.clear();
    let sent = 0;
    let ok = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < requests) if ((await request(sent++)) === 200) ok++;
      }),
    );
    const [hottest, hottestWrites] = [...writes.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const share = hottestWrites / requests;
    const total = [...writes.values()].reduce((sum, count) => sum + count, 0);
    rows.push([route, phase, String(requests), String(ok), (total / requests).toFixed(2), describeItem(hottest), share.toFixed(3), Math.round(itemWritesPerSecond / share).toLocaleString('en-US')]);
  };

  for (const phase of ['before', 'after'] as const) {
    const { ownerId, useKey } = await ownerOn(phase);
    const layout = `${phase} (${accountShards(planSchema.parse(plans[phase]))} account shard(s))`;
    const hotSubject = `quota#${ownerId}#hot_calls`;
    const itemOf = (pk: string) => {
      if (pk.startsWith(`account#${ownerId}#`)) return pk.replace(`account#${ownerId}#`, 'account ');
      if (pk.startsWith(hotSubject)) return `the subject's item ${pk.startsWith(`${hotSubject}%s`) ? pk.slice(hotSubject.length + 2).split('#')[0] : 0}`;
      return `${pk.split('#')[0]}# item`;
    };
    const subject = (index: number) => `user_${index % subjects}`;
    await run('POST /v1/check-consume', layout, (index) => send('/v1/check-consume', keyed(useKey, 'POST', { subject: subject(index), metric: 'api_calls', cost: 1 })), itemOf);
    await run(
      'POST /v1/check-consume + Idempotency-Key',
      layout,
      (index) => send('/v1/check-consume', keyed(useKey, 'POST', { subject: subject(index), metric: 'api_calls', cost: 1 }, { 'idempotency-key': `${phase}-${index}` })),
      itemOf,
    );
    await run(
      'POST /v1/check-consume, one subject',
      `${layout}, metric ${phase === 'after' ? `shards: ${hotSubjectShards}` : 'unsharded'}`,
      () => send('/v1/check-consume', keyed(useKey, 'POST', { subject: 'hot_user', metric: 'hot_calls', cost: 1 })),
      itemOf,
    );
    await run('GET /v1/usage', layout, (index) => send(`/v1/usage?subject=${subject(index)}&metric=api_calls`, keyed(useKey, 'GET')), itemOf);
    await run('POST /v1/counters/{key}/increment', layout, (index) => send(`/v1/counters/c${index % subjects}/increment`, keyed(useKey, 'POST', {})), itemOf);
  }

  for (const [phase, sharded] of [['before (unsharded)', false], ['after (sharded on throttle)', true]] as const) {
    const name = `hot-${sharded ? 'sharded' : 'unsharded'}`;
    const counters = [
      ['GET /hit/{namespace}/{key}', `/hit/bench.example/${name}`, pkOf(countapiCounterKey({ namespace: 'bench.example', key: name }))],
      ['GET /hits/{id}/{resource}', `/hits/bench.example/${name}`, pkOf(hitCounterKey({ id: 'bench.example', resource: name }))],
    ] as const;
    for (const [route, path, basePk] of counters) {
      const url = `${api.url}${path}`;
      if ((await visit(url, 0)) !== 200) throw new Error(`${path} did not answer 200`);
      if (sharded) {
        refuseOnce.add(basePk);
        // Throttled: this hit shards the counter and counts on a shard.
        await visit(url, 0);
      }
      const itemOf = (pk: string) => (pk === basePk ? 'the counter' : pk.startsWith(`${basePk}#`) ? pk.replace(`${basePk}#`, 'counter shard ') : `${pk.split('#')[0]}# item`);
      await run(route, phase, (index) => visit(url, index), itemOf);
    }
  }
  await api.close();

  const header = ['Route', 'Layout', 'Requests', '200', 'Writes per request', 'Hottest item', 'Its writes per request', `Ceiling (requests/s at ${itemWritesPerSecond} writes/s per item)`];
  console.log(`Hottest-item bench, ${new Date().toISOString().slice(0, 10)}: ${requests} requests per route, ${concurrency} at a time, through the local server;`);
  console.log(`one owner capped at ${caps.requestsPerSecond.toLocaleString('en-US')} requests/s, ${subjects} subjects and counters; one public counter\n`);
  console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  await dynamodb.stop();
}
