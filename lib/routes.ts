/**
 * The route table: the single source of truth for both the CDK stack (one Lambda function and
 * its API Gateway routes per entry, with exactly the DynamoDB permissions listed here) and the
 * local development server (which serves the same route keys from the same handler modules).
 */

export const readActions = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'] as const;
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
  /**
   * The kind of API key the route requires. Such a route may also read (GetItem) the key lookup
   * items, and only those: `apikey#` partition keys (see lambdas/shared/api-keys.ts).
   */
  apiKey?: 'use' | 'admin';
  /**
   * The route creates things (counters, keys, owners): API Gateway throttles it at the stricter
   * creation limit of the deploy configuration (`incr:createThrottle*`) on top of the stage's.
   */
  creates?: boolean;
  /** The handler enforces the account plans: the stack hands it `incr:plans` as INCR_PLANS. */
  readsPlans?: boolean;
}

/** Prefix of the partition keys of the recent-decision log (see lambdas/quota/decision-log.ts). */
export const decisionLogKeyPrefix = 'decisions#';

/** Partition-key prefix of the API-key lookup items, the only owner data a keyed route reads to authenticate. */
export const apiKeyLookupKeyPrefix = 'apikey#';

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
    // Creating a missing counter counts toward the creator's (hashed) IP creation limit.
    readsIpHashSecret: true,
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
    creates: true,
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
    id: 'counters-increment',
    routeKeys: ['POST /v1/counters/{key}/increment'],
    entry: 'lambdas/counters/increment.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    apiKey: 'use',
  },
  {
    id: 'counters-decrement',
    routeKeys: ['POST /v1/counters/{key}/decrement'],
    entry: 'lambdas/counters/decrement.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    apiKey: 'use',
  },
  {
    id: 'counters-decrement-if-exists',
    routeKeys: ['POST /v1/counters/{key}/decrement-if-exists'],
    entry: 'lambdas/counters/decrement-if-exists.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    apiKey: 'use',
  },
  {
    id: 'counters-set-if-not-exists',
    routeKeys: ['POST /v1/counters/{key}/set-if-not-exists'],
    entry: 'lambdas/counters/set-if-not-exists.ts',
    access: 'write',
    tableActions: ['PutItem'],
    apiKey: 'use',
  },
  {
    id: 'counters-get',
    routeKeys: ['GET /v1/counters/{key}'],
    entry: 'lambdas/counters/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    apiKey: 'use',
  },
  {
    id: 'counters-multi-get',
    routeKeys: ['GET /v1/counters'],
    entry: 'lambdas/counters/multi-get.ts',
    access: 'read',
    tableActions: ['BatchGetItem'],
    apiKey: 'use',
  },
  {
    id: 'counters-delete',
    routeKeys: ['DELETE /v1/counters/{key}'],
    entry: 'lambdas/counters/delete.ts',
    access: 'write',
    tableActions: ['DeleteItem'],
    apiKey: 'use',
  },
  {
    id: 'namespace-counter-increment',
    routeKeys: ['POST /v1/misc/counter/{namespace}'],
    entry: 'lambdas/namespace-counter/increment.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    apiKey: 'use',
  },
  {
    id: 'namespace-counter-get',
    routeKeys: ['GET /v1/misc/counter/{namespace}'],
    entry: 'lambdas/namespace-counter/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    apiKey: 'use',
  },
  {
    id: 'keys-create',
    routeKeys: ['POST /v1/keys'],
    entry: 'lambdas/keys/create.ts',
    access: 'write',
    tableActions: ['PutItem', 'ConditionCheckItem'],
    apiKey: 'admin',
    creates: true,
  },
  {
    id: 'keys-list',
    routeKeys: ['GET /v1/keys'],
    entry: 'lambdas/keys/list.ts',
    access: 'read',
    tableActions: ['Query'],
    apiKey: 'admin',
  },
  {
    id: 'keys-revoke',
    routeKeys: ['DELETE /v1/keys/{keyId}'],
    entry: 'lambdas/keys/revoke.ts',
    access: 'write',
    tableActions: ['GetItem', 'DeleteItem', 'UpdateItem'],
    apiKey: 'admin',
  },
  {
    id: 'quota-check-consume',
    routeKeys: ['POST /v1/check-consume'],
    entry: 'lambdas/quota/check-consume.ts',
    access: 'write',
    tableActions: ['GetItem', 'UpdateItem', 'PutItem'],
    scopedWrites: { actions: ['BatchWriteItem'], partitionKeyPrefix: decisionLogKeyPrefix },
    apiKey: 'use',
    readsPlans: true,
  },
  {
    id: 'quota-usage',
    routeKeys: ['GET /v1/usage'],
    entry: 'lambdas/quota/usage.ts',
    // Usage consumes nothing of the subject but counts toward the account caps: it writes.
    access: 'write',
    tableActions: ['GetItem', 'UpdateItem'],
    apiKey: 'use',
    readsPlans: true,
  },
  {
    id: 'quota-account',
    routeKeys: ['GET /v1/account'],
    entry: 'lambdas/quota/account.ts',
    access: 'read',
    tableActions: ['GetItem', 'Query'],
    apiKey: 'admin',
    readsPlans: true,
  },
  {
    id: 'metrics-create',
    routeKeys: ['POST /v1/metrics'],
    entry: 'lambdas/quota/metrics-create.ts',
    access: 'write',
    tableActions: ['PutItem'],
    apiKey: 'admin',
    creates: true,
  },
  {
    id: 'metrics-list',
    routeKeys: ['GET /v1/metrics'],
    entry: 'lambdas/quota/metrics-list.ts',
    access: 'read',
    tableActions: ['Query'],
    apiKey: 'admin',
  },
  {
    id: 'metrics-get',
    routeKeys: ['GET /v1/metrics/{metric}'],
    entry: 'lambdas/quota/metrics-get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    apiKey: 'admin',
  },
  {
    id: 'metrics-update',
    routeKeys: ['PATCH /v1/metrics/{metric}'],
    entry: 'lambdas/quota/metrics-update.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    apiKey: 'admin',
  },
  {
    id: 'metrics-delete',
    routeKeys: ['DELETE /v1/metrics/{metric}'],
    entry: 'lambdas/quota/metrics-delete.ts',
    access: 'write',
    tableActions: ['DeleteItem', 'Query', 'BatchWriteItem'],
    apiKey: 'admin',
  },
  {
    id: 'overrides-put',
    routeKeys: ['PUT /v1/metrics/{metric}/overrides/{subject}'],
    entry: 'lambdas/quota/overrides-put.ts',
    access: 'write',
    tableActions: ['GetItem', 'ConditionCheckItem', 'PutItem'],
    apiKey: 'admin',
  },
  {
    id: 'overrides-list',
    routeKeys: ['GET /v1/metrics/{metric}/overrides'],
    entry: 'lambdas/quota/overrides-list.ts',
    access: 'read',
    tableActions: ['Query'],
    apiKey: 'admin',
  },
  {
    id: 'overrides-get',
    routeKeys: ['GET /v1/metrics/{metric}/overrides/{subject}'],
    entry: 'lambdas/quota/overrides-get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    apiKey: 'admin',
  },
  {
    id: 'overrides-delete',
    routeKeys: ['DELETE /v1/metrics/{metric}/overrides/{subject}'],
    entry: 'lambdas/quota/overrides-delete.ts',
    access: 'write',
    tableActions: ['DeleteItem'],
    apiKey: 'admin',
  },
  {
    id: 'health-deep',
    routeKeys: ['GET /v1/health'],
    entry: 'lambdas/quota/health.ts',
    access: 'read',
    tableActions: ['GetItem'],
  },
  {
    id: 'health',
    routeKeys: ['GET /health'],
    entry: 'lambdas/quota/app-health.ts',
    access: 'none',
    tableActions: [],
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
