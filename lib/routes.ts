/**
 * The route table: the single source of truth for both the CDK stack (one Lambda function and
 * its API Gateway routes per entry, with exactly the DynamoDB permissions listed here) and the
 * local development server (which serves the same route keys from the same handler modules).
 */

export const readActions = ['GetItem', 'BatchGetItem', 'Query'] as const;
export const writeActions = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
export type TableAction = (typeof readActions)[number] | (typeof writeActions)[number];

/** Prefix of the partition keys of the CountAPI statistics shards (see lambdas/countapi/stats.ts). */
export const countapiStatsKeyPrefix = 'countapi-stats#';

export interface Route {
  /** Unique, kebab-case; names the function, its log group and its dashboard widgets. */
  id: string;
  /** API Gateway HTTP API route keys, e.g. `GET /hit/{namespace}/{key}` or `$default`. */
  routeKeys: string[];
  /** Handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  /**
   * `read` routes may only read the table's data (`tableActions` holds read actions only);
   * `write` routes also change it; `none` routes never touch the table.
   */
  access: 'none' | 'read' | 'write';
  /** The DynamoDB actions the handler performs on any item of the table. */
  tableActions: TableAction[];
  /**
   * Writes restricted to items whose partition key starts with a prefix (IAM `dynamodb:LeadingKeys`):
   * how a read route may still add to the statistics shards without being able to write counters.
   */
  scopedWrites?: { actions: TableAction[]; partitionKeyPrefix: string };
  /** The handler hashes client IP addresses, so it may read the HMAC secret. */
  readsIpHashSecret?: boolean;
}

const statsShardWrites = { actions: ['UpdateItem'], partitionKeyPrefix: countapiStatsKeyPrefix } satisfies Route['scopedWrites'];

/** CountAPI addresses a counter as `/{op}/{namespace}/{key}` or `/{op}/{key}` in namespace `default`. */
const counterRouteKeys = (operation: string) => [`GET /${operation}/{namespace}/{key}`, `GET /${operation}/{key}`];

export const routes: Route[] = [
  {
    id: 'countapi-hit',
    routeKeys: counterRouteKeys('hit'),
    entry: 'lambdas/countapi/hit.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-get',
    routeKeys: counterRouteKeys('get'),
    entry: 'lambdas/countapi/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-set',
    routeKeys: counterRouteKeys('set'),
    entry: 'lambdas/countapi/set.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-update',
    routeKeys: counterRouteKeys('update'),
    entry: 'lambdas/countapi/update.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-info',
    routeKeys: counterRouteKeys('info'),
    entry: 'lambdas/countapi/info.ts',
    access: 'read',
    tableActions: ['GetItem'],
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-create',
    routeKeys: ['GET /create'],
    entry: 'lambdas/countapi/create.ts',
    access: 'write',
    tableActions: ['PutItem', 'UpdateItem'],
    scopedWrites: statsShardWrites,
    readsIpHashSecret: true,
  },
  {
    id: 'countapi-stats',
    routeKeys: ['GET /stats'],
    entry: 'lambdas/countapi/stats.ts',
    access: 'read',
    tableActions: ['BatchGetItem'],
    scopedWrites: statsShardWrites,
  },
  {
    id: 'hits',
    // The shorter paths reach the handler only to be told `Missing id or resource`.
    routeKeys: ['GET /hits/{id}/{resource}', 'GET /hits/{id}', 'GET /hits'],
    entry: 'lambdas/hits/hit.ts',
    access: 'write',
    // DeleteItem only releases the marker of a new visitor whose count failed (see hit-store.ts).
    tableActions: ['UpdateItem', 'PutItem', 'GetItem', 'DeleteItem'],
    readsIpHashSecret: true,
  },
  {
    id: 'fallback',
    routeKeys: ['OPTIONS /{proxy+}', '$default'],
    entry: 'lambdas/fallback.ts',
    access: 'none',
    tableActions: [],
  },
];
