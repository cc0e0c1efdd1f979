import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Interval } from '../shared/clock.ts';
import { batchWriteAll } from '../shared/dynamodb/batch.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { decisionLogKey, decisionLogPartition } from '../shared/keys.ts';
import { logger } from '../shared/logger.ts';
import { table, tableName } from '../shared/table.ts';
import type { Decision } from './decision.ts';

/**
 * Recent decisions for the account view, best effort and off the critical path: each container
 * keeps the decisions it made in memory and, at most once per `flushIntervalMs`, writes them as
 * one item per owner (a batch), in parallel with a request's own DynamoDB call. Cost: one write per
 * owner per container per interval, not one per decision; at most `maxEntriesPerFlush` decisions
 * per owner per flush are kept (the rest are only counted), and everything expires after 7 days.
 * What a container holds when AWS recycles it is lost: this is a debugging view, not accounting
 * (the month's request count, kept exactly, is in the account counters).
 */

export interface LoggedDecision extends Decision {
  subject: string;
  metric: string;
  cost: number;
  /** Epoch milliseconds. */
  at: number;
}

const retentionSeconds = 7 * 86_400;
const maxEntriesPerFlush = 100;

export class DecisionLog {
  private pending = new Map<string, { entries: LoggedDecision[]; dropped: number }>();
  /** Public so that tests can flush on every request. */
  readonly flushes: Interval;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    flushIntervalMs: number,
  ) {
    this.flushes = new Interval(flushIntervalMs);
  }

  record(ownerId: string, entry: LoggedDecision): void {
    const owner = this.pending.get(ownerId) ?? { entries: [], dropped: 0 };
    if (owner.entries.length < maxEntriesPerFlush) owner.entries.push(entry);
    else owner.dropped += 1;
    this.pending.set(ownerId, owner);
  }

  /**
   * Starts a flush when one is due; the caller awaits it after its own DynamoDB call. The promise
   * never rejects (a failed flush is logged and dropped: best effort), because the caller's own
   * work may fail first, and a rejection nobody handles yet fails the whole Lambda invocation.
   */
  flushIfDue(nowMs: number): Promise<void> | undefined {
    if (!this.flushes.due(nowMs) || this.pending.size === 0) return undefined;
    this.flushes.restart(nowMs);
    const batch = [...this.pending];
    this.pending = new Map();
    return this.write(batch, nowMs).catch((error: unknown) => logger.warn('Decision log flush failed', { errorName: (error as Error).name }));
  }

  private async write(batch: [string, { entries: LoggedDecision[]; dropped: number }][], nowMs: number): Promise<void> {
    await batchWriteAll(
      this.client,
      this.tableName,
      batch.map(([ownerId, { entries, dropped }]) => ({
        PutRequest: {
          Item: {
            ...decisionLogKey(ownerId, nowMs, randomBytes(4).toString('hex')),
            entries,
            dropped,
            [table.expiresAt]: Math.floor(nowMs / 1000) + retentionSeconds,
          },
        },
      })),
    );
  }
}

/** The container's log, flushed every 5 seconds at most. */
export const decisionLog = new DecisionLog(documentClient, tableName(), 5_000);

/** The owner's most recent decisions (newest first), read back from the last flushes of every container. */
export const recentDecisions = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  nowMs: number,
  limit = 100,
): Promise<{ decisions: LoggedDecision[]; dropped: number }> => {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': table.partitionKey },
      ExpressionAttributeValues: { ':pk': decisionLogPartition(ownerId) },
      ScanIndexForward: false,
      Limit: 20,
    }),
  );
  const live = Items.filter((item) => Number(item[table.expiresAt]) > nowMs / 1000);
  return {
    decisions: live
      .flatMap((item) => item.entries as LoggedDecision[])
      .sort((a, b) => b.at - a.at)
      .slice(0, limit),
    dropped: live.reduce((sum, item) => sum + Number(item.dropped ?? 0), 0),
  };
};
