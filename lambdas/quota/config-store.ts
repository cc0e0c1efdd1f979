import { DeleteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '../shared/dynamodb/batch.ts';
import { cancellationReasons } from '../shared/dynamodb/cancellation.ts';
import { conditionalPut, conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { transactWrite } from '../shared/dynamodb/transactions.ts';
import { buildUpdate } from '../shared/dynamodb/update-expression.ts';
import { metricKey, metricsSortKeyPrefix, overrideKey, overridesSortKeyPrefix, ownerKey, ownerPartition } from '../shared/keys.ts';
import { type Page, type PageRequest, queryPage, queryPartition } from '../shared/query-partition.ts';
import { table } from '../shared/table.ts';
import { metricKey as metricName, type QuotaWindow } from './schemas.ts';

/**
 * An owner's quota configuration, in the owner's partition (keys in lambdas/shared/keys.ts): one
 * item per metric and its default limit, one per subject override. A decision reads the two items
 * it needs by key; listings read one sort-key prefix.
 */

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
): Promise<Metric | undefined> => {
  const item: Metric = { ...metric, createdAt: nowMs, updatedAt: nowMs };
  const { applied } = await conditionalPut(client, {
    TableName: tableName,
    Item: { ...metricKey(ownerId, metric.metric), ...item },
    ConditionExpression: 'attribute_not_exists(#pk)',
    ExpressionAttributeNames: { '#pk': table.partitionKey },
  });
  return applied ? item : undefined;
};

export const getMetric = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string, metric: string): Promise<Metric | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: metricKey(ownerId, metric), ConsistentRead: true }));
  return Item ? withoutKeys<Metric>(Item) : undefined;
};

/** One page of the owner's metrics, by name. */
export const listMetrics = (client: DynamoDBDocumentClient, tableName: string, ownerId: string, page: PageRequest): Promise<Page<Metric>> =>
  listPage<Metric>(client, tableName, ownerId, metricsSortKeyPrefix, page);

/** Changes the given fields of an existing metric; undefined when there is no such metric. */
export const updateMetric = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  { metric, ...changes }: { metric: string; description?: string; limit?: number | null; window?: QuotaWindow; shards?: number },
  nowMs: number,
): Promise<Metric | undefined> => {
  const fields = Object.entries({ ...changes, updatedAt: nowMs }).filter(([, value]) => value !== undefined);
  const { applied, old } = await conditionalUpdate(client, {
    TableName: tableName,
    Key: metricKey(ownerId, metric),
    ...buildUpdate(
      { names: { '#pk': table.partitionKey } },
      ...fields.map(([name, value]) => ({ set: [`#${name} = :${name}`], names: { [`#${name}`]: name }, values: { [`:${name}`]: value } })),
    ),
    ConditionExpression: 'attribute_exists(#pk)',
    ReturnValues: 'ALL_NEW',
  });
  return applied ? withoutKeys<Metric>(old!) : undefined;
};

/** Deletes a metric and its overrides; its subjects' usage counters expire with their windows. */
export const deleteMetric = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string, metric: string): Promise<boolean> => {
  const { Attributes } = await client.send(new DeleteCommand({ TableName: tableName, Key: metricKey(ownerId, metric), ReturnValues: 'ALL_OLD' }));
  const overrides = await queryPartition(client, tableName, ownerPartition(ownerId), overridesSortKeyPrefix(metric));
  await batchWriteAll(
    client,
    tableName,
    overrides.map((item) => ({ DeleteRequest: { Key: { [table.partitionKey]: item[table.partitionKey], [table.sortKey]: item[table.sortKey] } } })),
  );
  return Attributes !== undefined;
};

/** Creates or replaces an override of an existing metric; undefined when there is no such metric. */
export const putOverride = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  override: Omit<Override, 'createdAt' | 'updatedAt'>,
  nowMs: number,
): Promise<Override | undefined> => {
  const existing = await getOverride(client, tableName, ownerId, override.metric, override.subject);
  const item: Override = { ...override, createdAt: existing?.createdAt ?? nowMs, updatedAt: nowMs };
  try {
    await transactWrite(client, {
      TransactItems: [
        {
          ConditionCheck: {
            TableName: tableName,
            Key: metricKey(ownerId, override.metric),
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#pk': table.partitionKey },
          },
        },
        { Put: { TableName: tableName, Item: { ...overrideKey(ownerId, override.metric, override.subject), ...item } } },
      ],
    });
    return item;
  } catch (error) {
    if (cancellationReasons(error)?.[0]?.conditionFailed) return undefined;
    throw error;
  }
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
): Promise<boolean> => {
  const { Attributes } = await client.send(
    new DeleteCommand({ TableName: tableName, Key: overrideKey(ownerId, metric, subject), ReturnValues: 'ALL_OLD' }),
  );
  return Attributes !== undefined;
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
