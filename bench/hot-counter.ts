/**
 * `npm run bench:hot`: how hot one counter can get. DynamoDB Local has no per-item limit and is far
 * slower than AWS, so this measures structure, not speed: it sends BENCH_HITS hits (default 1,000,
 * 16 at a time) to one counter through the local server, records the partition key of every write
 * the handlers send (each item of a transaction or batch), and prints the hottest item's writes
 * per hit. One item takes ~1,000 writes/s in AWS, so one counter's projected ceiling is
 * 1,000 ÷ that share hits/s. Each family runs twice: a counter never throttled (unsharded), and
 * one whose base item was throttled once (the bench refuses one write to it, as AWS would refuse
 * a write over the limit), which shards it. It prints figures and never fails on them.
 */
import { request } from 'node:http';
import { startBenchTable } from './bench-table.ts';
import { recordWrites } from './write-recorder.ts';
import { startLocalApi } from '../lib/local/server.ts';
import { routes } from '../lib/routes.ts';

const hits = Number(process.env.BENCH_HITS ?? 1_000);
const concurrency = 16;
const itemWritesPerSecond = 1_000;
/** Many visitors, as a hot page has: each visitor's marker is an item of its own. */
const addresses = Array.from({ length: 200 }, (_, index) => `127.0.3.${index + 1}`);

const get = (url: string, localAddress = '127.0.0.1'): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    request(url, { localAddress, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });

const dynamodb = await startBenchTable('incr-bench-hot', { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' });
try {
  // Loaded only now: the modules read their configuration when they load.
  const { documentClient } = await import('../lambdas/shared/dynamodb.ts');
  const { countapiCounterKey, hitCounterKey } = await import('../lambdas/shared/keys.ts');
  const { table } = await import('../lambdas/shared/table.ts');

  const { writes, refuseOnce, pkOf } = recordWrites(documentClient, table.partitionKey);

  const api = await startLocalApi({ routes, port: 0 });
  const rows: string[][] = [];
  const run = async (family: string, phase: string, path: string, readBack: () => Promise<number>, basePk: string, sharded: boolean) => {
    const first = await get(`${api.url}${path}`, addresses[0]);
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${first.text}`);
    if (sharded) {
      refuseOnce.add(basePk);
      // Throttled: this hit shards the counter and counts on a shard.
      await get(`${api.url}${path}`, addresses[0]);
    }
    const before = await readBack();
    writes.clear();
    let sent = 0;
    let ok = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < hits) {
          const index = sent++;
          if ((await get(`${api.url}${path}`, addresses[index % addresses.length])).status === 200) ok++;
        }
      }),
    );
    const counted = (await readBack()) - before;
    const [hottest, hottestWrites] = [...writes.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const share = hottestWrites / hits;
    const total = [...writes.values()].reduce((sum, count) => sum + count, 0);
    rows.push([family, phase, String(hits), String(ok), String(counted), (total / hits).toFixed(2), hottest === basePk ? 'the counter' : hottest.replace(`${basePk}#`, 'shard '), share.toFixed(3), Math.round(itemWritesPerSecond / share).toLocaleString('en-US')]);
  };

  for (const [phase, sharded] of [['unsharded', false], ['sharded', true]] as const) {
    const key = `hot-${phase}`;
    await run('CountAPI /hit', phase, `/hit/bench.example/${key}`, async () => JSON.parse((await get(`${api.url}/get/bench.example/${key}`)).text).value, pkOf(countapiCounterKey({ namespace: 'bench.example', key })), sharded);
  }
  for (const [phase, sharded] of [['unsharded', false], ['sharded', true]] as const) {
    const resource = `hot-${phase}`;
    await run('hits /hits', phase, `/hits/bench.example/${resource}`, async () => JSON.parse((await get(`${api.url}/hits/bench.example/${resource}?mode=read`)).text).visit, pkOf(hitCounterKey({ id: 'bench.example', resource })), sharded);
  }
  await api.close();

  const header = ['Family', 'Counter', 'Hits', '200', 'Counted (read back)', 'Writes per hit', 'Hottest item', 'Its writes per hit', `Ceiling (hits/s at ${itemWritesPerSecond} writes/s per item)`];
  console.log(`Hot counter bench, ${new Date().toISOString().slice(0, 10)}: ${hits} hits per counter, ${concurrency} at a time, through the local server\n`);
  console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  await dynamodb.stop();
}
