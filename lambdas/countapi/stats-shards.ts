import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../shared/dynamodb/batch.ts';
import { Interval } from '../shared/clock.ts';
import { countapiStatsShardKey } from '../shared/keys.ts';
import { logger } from '../shared/logger.ts';

/**
 * The service-wide numbers of `/stats`. Counting them in one item would make every request write
 * that item, capping the whole service at one partition's ~1,000 writes/s. Instead each container
 * adds up its own numbers in memory and, at most once per flush interval, adds them to one of
 * several shard items, in parallel with a request's own DynamoDB call (never in sequence).
 * `/stats` sums the shards plus the numbers its own container has not flushed yet.
 *
 * Cost: one write per container per interval (10 s by default), not one per request. Trade-off:
 * a container that is recycled loses what it counted since its last flush (at most one interval),
 * and other containers' latest numbers appear up to one interval late.
 */

export interface StatsTotals {
  requests: number;
  keysCreated: number;
  keysUpdated: number;
}

const zero = (): StatsTotals => ({ requests: 0, keysCreated: 0, keysUpdated: 0 });
export const shardCount = 16;

export class StatsShards {
  private pending = zero();
  private inFlight: Promise<void> | undefined;
  /** Public so that tests can flush on every request or never. */
  readonly flushes: Interval;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: () => string,
    flushIntervalMs: number,
  ) {
    this.flushes = new Interval(flushIntervalMs);
  }

  record(delta: Partial<StatsTotals>): void {
    this.pending.requests += delta.requests ?? 0;
    this.pending.keysCreated += delta.keysCreated ?? 0;
    this.pending.keysUpdated += delta.keysUpdated ?? 0;
  }

  /**
   * Starts a flush when one is due; the caller awaits it after its own DynamoDB call. The promise
   * never rejects: a failed flush is logged and its numbers kept for the next one. A rejection
   * would surface before the caller awaits it, as an unhandled rejection that fails the Lambda
   * invocation (and the caller's answer with it).
   */
  flushIfDue(nowMs: number): Promise<void> | undefined {
    if (!this.flushes.due(nowMs) || this.inFlight) return undefined;
    this.flushes.restart(nowMs);
    const batch = this.pending;
    this.pending = zero();
    this.inFlight = this.addToShard(batch)
      .catch((error: unknown) => {
        this.record(batch);
        logger.warn('Statistics flush failed; kept for the next one', { errorName: (error as Error).name });
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private async addToShard(batch: StatsTotals): Promise<void> {
    if (batch.requests + batch.keysCreated + batch.keysUpdated === 0) return;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName(),
        Key: countapiStatsShardKey(Math.floor(Math.random() * shardCount)),
        UpdateExpression: 'ADD requests :requests, keysCreated :keysCreated, keysUpdated :keysUpdated',
        ExpressionAttributeValues: { ':requests': batch.requests, ':keysCreated': batch.keysCreated, ':keysUpdated': batch.keysUpdated },
      }),
    );
  }

  /** All shards in one BatchGetItem, plus this container's pending numbers. */
  async totals(): Promise<StatsTotals> {
    await this.inFlight; // a flush in progress would otherwise count twice or not at all
    const totals = zero();
    const shards = Array.from({ length: shardCount }, (_, shard) => countapiStatsShardKey(shard));
    for (const shard of (await batchGetAll(this.client, this.tableName(), shards)) as Partial<StatsTotals>[]) {
      totals.requests += shard.requests ?? 0;
      totals.keysCreated += shard.keysCreated ?? 0;
      totals.keysUpdated += shard.keysUpdated ?? 0;
    }
    totals.requests += this.pending.requests;
    totals.keysCreated += this.pending.keysCreated;
    totals.keysUpdated += this.pending.keysUpdated;
    return totals;
  }
}
