import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '../shared/dynamodb/batch.ts';
import { writeItems, type WriteItems } from '../shared/dynamodb/item-writes.ts';
import { buildUpdate } from '../shared/dynamodb/update-expression.ts';
import { metricKey, metricsSortKeyPrefix, overrideKey, overridesSortKeyPrefix, ownerKey, ownerPartition } from '../shared/keys.ts';
import { type Page, type PageRequest, queryPage, queryPartition } from '../shared/query-partition.ts';
import { table } from '../shared/table.ts';
import { metricKey as metricName, type QuotaWindow } from './decision-schemas.ts';

/**
 * An owner's quota configuration, in the owner's partition (keys in lambdas/shared/keys.ts): one
 * item per metric and its default limit, one per subject override. A decision reads the two items
 * it needs by key; listings read one sort-key prefix. Each write is sent with the `write` it is
 * given (lambdas/shared/dynamodb/item-writes.ts), alone unless the plan counts it in the same transaction.
 */

/** The item exists: what a change or a removal of one metric or override requires. */
const exists = { ConditionExpression: 'attribute_exists(#pk)', ExpressionAttributeNames: { '#pk': table.partitionKey } };

export interface Metric {
  metric: string;
  description?: string;
  /** Default limit per subject; null: no limit (requests are allowed and not counted). */
  limit: number | null;
  window: QuotaWindow;
  /** How many items each subject's window spreads over (a hot metric); absent: one. */
  shards?: number;
  createdAt: number;
  updatedAt: number;
}

export interface Override {
  metric: string;
  subject: string;
  limit: number | 'unlimited';
  /** Defaults to the metric's window. */
  window?: QuotaWindow;
  createdAt: number;
  updatedAt: number;
}

const withoutKeys = <T>(item: Record<string, unknown>): T => {
  const { [table.partitionKey]: _pk, [table.sortKey]: _sk, ...rest } = item;
  return rest as T;
};

const listPage = async <T>(client: DynamoDBDocumentClient, tableName: string, ownerId: string, sortKeyPrefix: string, page: PageRequest): Promise<Page<T>> => {
  const { items, nextCursor } = await queryPage(client, tableName, ownerPartition(ownerId), sortKeyPrefix, page);
  return { items: items.map((item) => withoutKeys<T>(item)), nextCursor };
};

export const createMetric = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  metric: Omit<Metric, 'createdAt' | 'updatedAt'>,
  nowMs: number,
  write: WriteItems = writeItems(client),
): Promise<Metric | undefined> => {
  const item: Metric = { ...metric, createdAt: nowMs, updatedAt: nowMs };
  const Put = { TableName: tableName, Item: { ...metricKey(ownerId, metric.metric), ...item }, ...exists, ConditionExpression: 'attribute_not_exists(#pk)' };
  const { applied } = await write({ items: [{ Put }] });
  return applied ? item : undefined;
};

export const getMetric = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string, metric: string): Promise<Metric | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: metricKey(ownerId, metric), ConsistentRead: true }));
  return Item ? withoutKeys<Metric>(Item) : undefined;
};

/** One page of the owner's metrics, by name. */
export const listMetrics = (client: DynamoDBDocumentClient, tableName: string, ownerId: string, page: PageRequest): Promise<Page<Metric>> =>
  listPage<Metric>(client, tableName, ownerId, metricsSortKeyPrefix, page);

/**
 * Changes the given fields of an existing metric; undefined when there is no such metric. Sent
 * alone, the update returns the metric it leaves; inside a transaction, which returns nothing, the
 * metric is read after it (and may then show a later change too).
 */
export const updateMetric = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  { metric, ...changes }: { metric: string; description?: string; limit?: number | null; window?: QuotaWindow; shards?: number },
  nowMs: number,
  write: WriteItems = writeItems(client),
): Promise<Metric | undefined> => {
  const fields = Object.entries({ ...changes, updatedAt: nowMs }).filter(([, value]) => value !== undefined);
  const Update = {
    TableName: tableName,
    Key: metricKey(ownerId, metric),
    ...buildUpdate(
      { names: exists.ExpressionAttributeNames },
      ...fields.map(([name, value]) => ({ set: [`#${name} = :${name}`], names: { [`#${name}`]: name }, values: { [`:${name}`]: value } })),
    ),
    ConditionExpression: exists.ConditionExpression,
  };
  const { applied, attributes } = await write({ items: [{ Update }], returnValues: 'ALL_NEW' });
  if (!applied) return undefined;
  return attributes ? withoutKeys<Metric>(attributes) : getMetric(client, tableName, ownerId, metric);
};

/** Deletes a metric and its overrides; its subjects' usage counters expire with their windows. */
export const deleteMetric = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  metric: string,
  write: WriteItems = writeItems(client),
): Promise<boolean> => {
  const { applied } = await write({ items: [{ Delete: { TableName: tableName, Key: metricKey(ownerId, metric), ...exists } }] });
  // Overrides go even when the metric was already gone: a deletion interrupted before them is finished here.
  const overrides = await queryPartition(client, tableName, ownerPartition(ownerId), overridesSortKeyPrefix(metric));
  await batchWriteAll(
    client,
    tableName,
    overrides.map((item) => ({ DeleteRequest: { Key: { [table.partitionKey]: item[table.partitionKey], [table.sortKey]: item[table.sortKey] } } })),
  );
  return applied;
};

/** Creates or replaces an override of an existing metric; undefined when there is no such metric. */
export const putOverride = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  override: Omit<Override, 'createdAt' | 'updatedAt'>,
  nowMs: number,
  write: WriteItems = writeItems(client),
): Promise<Override | undefined> => {
  const existing = await getOverride(client, tableName, ownerId, override.metric, override.subject);
  const item: Override = { ...override, createdAt: existing?.createdAt ?? nowMs, updatedAt: nowMs };
  const { applied } = await write({
    items: [
      { ConditionCheck: { TableName: tableName, Key: metricKey(ownerId, override.metric), ...exists } },
      { Put: { TableName: tableName, Item: { ...overrideKey(ownerId, override.metric, override.subject), ...item } } },
    ],
  });
  return applied ? item : undefined;
};

export const getOverride = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  metric: string,
  subject: string,
): Promise<Override | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: overrideKey(ownerId, metric, subject), ConsistentRead: true }));
  return Item ? withoutKeys<Override>(Item) : undefined;
};

/** One page of a metric's overrides, by subject. */
export const listOverrides = (client: DynamoDBDocumentClient, tableName: string, ownerId: string, metric: string, page: PageRequest): Promise<Page<Override>> =>
  listPage<Override>(client, tableName, ownerId, overridesSortKeyPrefix(metric), page);

export const deleteOverride = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  metric: string,
  subject: string,
  write: WriteItems = writeItems(client),
): Promise<boolean> => {
  const { applied } = await write({ items: [{ Delete: { TableName: tableName, Key: overrideKey(ownerId, metric, subject), ...exists } }] });
  return applied;
};

/** What a decision needs to know about one subject of a metric. */
export interface SubjectConfig {
  metric?: Metric;
  override?: Override;
}

/** Only snake_case names can be configured: any other requested metric has no configuration, so nothing to read. */
export const isConfigurableMetric = (metric: string): boolean => metricName.safeParse(metric).success;

export interface EffectiveLimit {
  limit: number;
  window: QuotaWindow;
  /** The metric's shards, which an override's limit is split over too. */
  shards: number;
}

/** The limit that applies to a subject: its override if any, else the metric's default; null: unlimited. */
export const effectiveLimit = ({ metric, override }: SubjectConfig): EffectiveLimit | null => {
  const window = override?.window ?? metric?.window ?? 'lifetime';
  const shards = metric?.shards ?? 1;
  if (override) return override.limit === 'unlimited' ? null : { limit: override.limit, window, shards };
  return metric && metric.limit !== null ? { limit: metric.limit, window, shards } : null;
};

/** The owner's plan name from its item (set at creation, changed with the CLI). */
export const loadOwnerPlan = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string): Promise<string | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: ownerKey(ownerId), ConsistentRead: true }));
  return Item?.plan as string | undefined;
};
