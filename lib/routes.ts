/**
 * The route table: the single source of truth for both the CDK stack (one Lambda function and
 * its API Gateway routes per entry, with exactly the DynamoDB permissions listed here) and the
 * local development server (which serves the same route keys from the same handler modules).
 */

import { keyPrefixes as prefix, type KeyPrefix } from '../lambdas/shared/keys.ts';

export const readActions = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'] as const;
export const writeActions = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
export type TableAction = (typeof readActions)[number] | (typeof writeActions)[number];

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
  /** The DynamoDB actions the handler performs on the items of `keyPrefixes`. */
  tableActions: TableAction[];
  /**
   * The partition-key prefixes (lambdas/shared/keys.ts) of the items the handler reads with the
   * read actions of `tableActions` and writes with its write actions. The stack grants each action
   * only on these prefixes (IAM `dynamodb:LeadingKeys`), so a route cannot reach another family's
   * items: a public route never reads owners or API keys.
   */
  keyPrefixes?: { read?: KeyPrefix[]; write?: KeyPrefix[] };
  /**
   * Writes restricted to items whose partition key starts with a prefix (IAM `dynamodb:LeadingKeys`):
   * how a read route may still add to the statistics shards without being able to write counters.
   */
  scopedWrites?: { actions: TableAction[]; partitionKeyPrefix: string };
  /** The handler hashes client IP addresses, so it may read the HMAC secret. */
  readsIpHashSecret?: boolean;
  /**
   * The kind of API key the route requires. Such a route may also read (GetItem) the key lookup
   * items (`keyPrefixes.apiKeyLookup` in lambdas/shared/keys.ts) to authenticate.
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

const statsShardWrites = { actions: ['UpdateItem'], partitionKeyPrefix: prefix.countapiStats } satisfies Route['scopedWrites'];

/** CountAPI addresses a counter as `/{op}/{namespace}/{key}` or `/{op}/{key}` in namespace `default`. */
const counterRouteKeys = (operation: string) => [`GET /${operation}/{namespace}/{key}`, `GET /${operation}/{key}`];

export const routes: Route[] = [
  {
    id: 'countapi-hit',
    routeKeys: counterRouteKeys('hit'),
    entry: 'lambdas/countapi/hit.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.countapiCounter, prefix.publicCreation] },
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
    keyPrefixes: { read: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-set',
    routeKeys: counterRouteKeys('set'),
    entry: 'lambdas/countapi/set.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    keyPrefixes: { write: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-update',
    routeKeys: counterRouteKeys('update'),
    entry: 'lambdas/countapi/update.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    keyPrefixes: { write: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-info',
    routeKeys: counterRouteKeys('info'),
    entry: 'lambdas/countapi/info.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-create',
    routeKeys: ['GET /create'],
    entry: 'lambdas/countapi/create.ts',
    access: 'write',
    tableActions: ['PutItem', 'UpdateItem'],
    keyPrefixes: { write: [prefix.countapiCounter, prefix.publicCreation] },
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
    keyPrefixes: { read: [prefix.countapiStats] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'counters-increment',
    routeKeys: ['POST /v1/counters/{key}/increment'],
    entry: 'lambdas/counters/increment.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'counters-decrement',
    routeKeys: ['POST /v1/counters/{key}/decrement'],
    entry: 'lambdas/counters/decrement.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'counters-decrement-if-exists',
    routeKeys: ['POST /v1/counters/{key}/decrement-if-exists'],
    entry: 'lambdas/counters/decrement-if-exists.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'counters-set-if-not-exists',
    routeKeys: ['POST /v1/counters/{key}/set-if-not-exists'],
    entry: 'lambdas/counters/set-if-not-exists.ts',
    access: 'write',
    tableActions: ['PutItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'counters-get',
    routeKeys: ['GET /v1/counters/{key}'],
    entry: 'lambdas/counters/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'counters-multi-get',
    routeKeys: ['GET /v1/counters'],
    entry: 'lambdas/counters/multi-get.ts',
    access: 'read',
    tableActions: ['BatchGetItem'],
    keyPrefixes: { read: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'counters-delete',
    routeKeys: ['DELETE /v1/counters/{key}'],
    entry: 'lambdas/counters/delete.ts',
    access: 'write',
    tableActions: ['DeleteItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
    apiKey: 'use',
  },
  {
    id: 'namespace-counter-increment',
    routeKeys: ['POST /v1/misc/counter/{namespace}'],
    entry: 'lambdas/namespace-counter/increment.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.namespaceCounter] },
    apiKey: 'use',
  },
  {
    id: 'namespace-counter-get',
    routeKeys: ['GET /v1/misc/counter/{namespace}'],
    entry: 'lambdas/namespace-counter/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.namespaceCounter] },
    apiKey: 'use',
  },
  {
    id: 'keys-create',
    routeKeys: ['POST /v1/keys'],
    entry: 'lambdas/keys/create.ts',
    access: 'write',
    tableActions: ['PutItem', 'ConditionCheckItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner, prefix.apiKeyLookup] },
    apiKey: 'admin',
    creates: true,
  },
  {
    id: 'keys-list',
    routeKeys: ['GET /v1/keys'],
    entry: 'lambdas/keys/list.ts',
    access: 'read',
    tableActions: ['Query'],
    keyPrefixes: { read: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'keys-revoke',
    routeKeys: ['DELETE /v1/keys/{keyId}'],
    entry: 'lambdas/keys/revoke.ts',
    access: 'write',
    tableActions: ['GetItem', 'DeleteItem', 'UpdateItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner, prefix.apiKeyLookup] },
    apiKey: 'admin',
  },
  {
    id: 'quota-check-consume',
    routeKeys: ['POST /v1/check-consume'],
    entry: 'lambdas/quota/check-consume.ts',
    access: 'write',
    tableActions: ['GetItem', 'UpdateItem', 'PutItem'],
    keyPrefixes: { read: [prefix.owner, prefix.quotaSubject, prefix.idempotency], write: [prefix.quotaSubject, prefix.account, prefix.idempotency] },
    scopedWrites: { actions: ['BatchWriteItem'], partitionKeyPrefix: prefix.decisionLog },
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
    keyPrefixes: { read: [prefix.owner, prefix.quotaSubject], write: [prefix.account] },
    apiKey: 'use',
    readsPlans: true,
  },
  {
    id: 'quota-account',
    routeKeys: ['GET /v1/account'],
    entry: 'lambdas/quota/account.ts',
    access: 'read',
    tableActions: ['GetItem', 'Query'],
    keyPrefixes: { read: [prefix.owner, prefix.account, prefix.decisionLog] },
    apiKey: 'admin',
    readsPlans: true,
  },
  {
    id: 'metrics-create',
    routeKeys: ['POST /v1/metrics'],
    entry: 'lambdas/quota/metrics-create.ts',
    access: 'write',
    tableActions: ['PutItem'],
    keyPrefixes: { write: [prefix.owner] },
    apiKey: 'admin',
    creates: true,
  },
  {
    id: 'metrics-list',
    routeKeys: ['GET /v1/metrics'],
    entry: 'lambdas/quota/metrics-list.ts',
    access: 'read',
    tableActions: ['Query'],
    keyPrefixes: { read: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'metrics-get',
    routeKeys: ['GET /v1/metrics/{metric}'],
    entry: 'lambdas/quota/metrics-get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'metrics-update',
    routeKeys: ['PATCH /v1/metrics/{metric}'],
    entry: 'lambdas/quota/metrics-update.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    keyPrefixes: { write: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'metrics-delete',
    routeKeys: ['DELETE /v1/metrics/{metric}'],
    entry: 'lambdas/quota/metrics-delete.ts',
    access: 'write',
    tableActions: ['DeleteItem', 'Query', 'BatchWriteItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'overrides-put',
    routeKeys: ['PUT /v1/metrics/{metric}/overrides/{subject}'],
    entry: 'lambdas/quota/overrides-put.ts',
    access: 'write',
    tableActions: ['GetItem', 'ConditionCheckItem', 'PutItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'overrides-list',
    routeKeys: ['GET /v1/metrics/{metric}/overrides'],
    entry: 'lambdas/quota/overrides-list.ts',
    access: 'read',
    tableActions: ['Query'],
    keyPrefixes: { read: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'overrides-get',
    routeKeys: ['GET /v1/metrics/{metric}/overrides/{subject}'],
    entry: 'lambdas/quota/overrides-get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'overrides-delete',
    routeKeys: ['DELETE /v1/metrics/{metric}/overrides/{subject}'],
    entry: 'lambdas/quota/overrides-delete.ts',
    access: 'write',
    tableActions: ['DeleteItem'],
    keyPrefixes: { write: [prefix.owner] },
    apiKey: 'admin',
  },
  {
    id: 'health-deep',
    routeKeys: ['GET /v1/health'],
    entry: 'lambdas/quota/health.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.healthProbe] },
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
    keyPrefixes: { read: [prefix.hitCounter], write: [prefix.hitCounter, prefix.hitVisitor, prefix.publicCreation] },
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
