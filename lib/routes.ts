/**
 * The route table: the single source of truth for both the CDK stack (one Lambda function and
 * its API Gateway routes per entry, with exactly the DynamoDB permissions listed here) and the
 * local development server (which serves the same route keys from the same handler modules).
 */

import { contracts } from '../lambdas/contracts.ts';
import { type KeyAuth, planCountingOf, type RouteContract } from '../lambdas/shared/http/contract.ts';
import { keyPrefixes as prefix, type KeyPrefix } from '../lambdas/shared/keys.ts';

export const readActions = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'] as const;
export const writeActions = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
export type TableAction = (typeof readActions)[number] | (typeof writeActions)[number];

export interface Route {
  /** Unique, kebab-case; names the function, its log group and its dashboard widgets. */
  id: string;
  /** API Gateway HTTP API route keys, e.g. `GET /hit/{namespace}/{key}` or `$default`: the contract's. */
  routeKeys: string[];
  /** What the route promises its clients (lambdas/shared/http/contract.ts); only the fallback has none. */
  contract?: RouteContract;
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
   * The kind of API key the route requires (`any`: a use or an admin key of the owner). Such a
   * route may also read (GetItem) the key lookup items (`keyPrefixes.apiKeyLookup` in
   * lambdas/shared/keys.ts) to authenticate.
   */
  apiKey?: KeyAuth;
  /**
   * The route creates things (counters, keys, owners): API Gateway throttles it at the stricter
   * creation limit of the deploy configuration (`incr:createThrottle*`) on top of the stage's.
   */
  creates?: boolean;
  /**
   * The handler enforces the account plans: the stack hands it `incr:plans` as INCR_PLANS. Every
   * route whose requests count toward the owner's plan does (`withPlanCounting`).
   */
  readsPlans?: boolean;
  /** The handler answers for paths no route takes: the stack hands it every route's path and methods as INCR_ROUTE_METHODS. */
  readsRouteTable?: boolean;
  /**
   * Files of installed packages the handler reads at run time, as `<package>/<path>`: esbuild
   * bundles only what is imported, so the stack copies them under the bundle's `node_modules/`,
   * where the handler finds them as it does in the repository.
   */
  packageFiles?: string[];
}

/** What lambdas/openapi/renderer.ts reads: the export of Scalar's package it resolves, and the browser build next to it. */
const rendererPackageFiles = ['@scalar/api-reference/package.json', '@scalar/api-reference/dist/style.css', '@scalar/api-reference/dist/browser/standalone.js'];

const statsShardWrites = { actions: ['UpdateItem'], partitionKeyPrefix: prefix.countapiStats } satisfies Route['scopedWrites'];

/**
 * Every route but the fallback has a contract (lambdas/<family>/schemas.ts): its route keys, the
 * key it needs, its input and answers. The entry adds what the stack makes of it.
 */
const fromContract = (contract: RouteContract) => ({
  contract,
  routeKeys: [...contract.routeKeys],
  ...(contract.auth !== 'none' && { apiKey: contract.auth }),
});

/**
 * A route whose requests count toward the owner's plan (the contract's `countsTowardPlan`, counted
 * by the edge or by the operation itself) reads the owner's plan (its owner item, and INCR_PLANS)
 * and updates the account's items, so it writes, even when its own operation only reads.
 */
const withPlanCounting = (route: Route): Route => {
  if (!route.contract || planCountingOf(route.contract) === false) return route;
  const union = <T>(list: readonly T[] | undefined, ...more: T[]) => [...new Set([...(list ?? []), ...more])];
  return {
    ...route,
    access: 'write',
    tableActions: union(route.tableActions, 'GetItem', 'UpdateItem'),
    keyPrefixes: { read: union(route.keyPrefixes?.read, prefix.owner), write: union(route.keyPrefixes?.write, prefix.account) },
    readsPlans: true,
  };
};

const declaredRoutes: Route[] = [
  {
    id: 'countapi-hit',
    ...fromContract(contracts.countapi.hit),
    entry: 'lambdas/countapi/hit.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem', 'GetItem', 'BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiCounter], write: [prefix.countapiCounter, prefix.publicCreation] },
    scopedWrites: statsShardWrites,
    // Creating a missing counter counts toward the creator's (hashed) IP creation limit.
    readsIpHashSecret: true,
  },
  {
    id: 'countapi-get',
    ...fromContract(contracts.countapi.get),
    entry: 'lambdas/countapi/get.ts',
    access: 'read',
    tableActions: ['GetItem', 'BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-set',
    ...fromContract(contracts.countapi.set),
    entry: 'lambdas/countapi/set.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'GetItem', 'BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiCounter], write: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-update',
    ...fromContract(contracts.countapi.update),
    entry: 'lambdas/countapi/update.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'GetItem', 'BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiCounter], write: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-info',
    ...fromContract(contracts.countapi.info),
    entry: 'lambdas/countapi/info.ts',
    access: 'read',
    tableActions: ['GetItem', 'BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiCounter] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'countapi-create',
    ...fromContract(contracts.countapi.create),
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
    ...fromContract(contracts.countapi.stats),
    entry: 'lambdas/countapi/stats.ts',
    access: 'read',
    tableActions: ['BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiStats] },
    scopedWrites: statsShardWrites,
  },
  {
    id: 'counters-increment',
    ...fromContract(contracts.counters.increment),
    entry: 'lambdas/counters/increment.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
  },
  {
    id: 'counters-decrement',
    ...fromContract(contracts.counters.decrement),
    entry: 'lambdas/counters/decrement.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
  },
  {
    id: 'counters-decrement-if-exists',
    ...fromContract(contracts.counters.decrementIfExists),
    entry: 'lambdas/counters/decrement-if-exists.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
  },
  {
    id: 'counters-set-if-not-exists',
    ...fromContract(contracts.counters.setIfNotExists),
    entry: 'lambdas/counters/set-if-not-exists.ts',
    access: 'write',
    tableActions: ['PutItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
  },
  {
    id: 'counters-get',
    ...fromContract(contracts.counters.get),
    entry: 'lambdas/counters/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.privateCounter] },
  },
  {
    id: 'counters-multi-get',
    ...fromContract(contracts.counters.multiGet),
    entry: 'lambdas/counters/multi-get.ts',
    access: 'read',
    tableActions: ['BatchGetItem'],
    keyPrefixes: { read: [prefix.privateCounter] },
  },
  {
    id: 'counters-delete',
    ...fromContract(contracts.counters.delete),
    entry: 'lambdas/counters/delete.ts',
    access: 'write',
    tableActions: ['DeleteItem'],
    keyPrefixes: { write: [prefix.privateCounter] },
  },
  {
    id: 'namespace-counter-increment',
    ...fromContract(contracts.namespaceCounter.increment),
    entry: 'lambdas/namespace-counter/increment.ts',
    access: 'write',
    tableActions: ['UpdateItem', 'PutItem'],
    keyPrefixes: { write: [prefix.namespaceCounter] },
  },
  {
    id: 'namespace-counter-get',
    ...fromContract(contracts.namespaceCounter.get),
    entry: 'lambdas/namespace-counter/get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.namespaceCounter] },
  },
  {
    id: 'keys-create',
    ...fromContract(contracts.keys.create),
    entry: 'lambdas/keys/create.ts',
    access: 'write',
    tableActions: ['PutItem', 'ConditionCheckItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner, prefix.apiKeyLookup] },
    creates: true,
  },
  {
    id: 'keys-list',
    ...fromContract(contracts.keys.list),
    entry: 'lambdas/keys/list.ts',
    access: 'read',
    tableActions: ['Query'],
    keyPrefixes: { read: [prefix.owner] },
  },
  {
    id: 'keys-revoke',
    ...fromContract(contracts.keys.revoke),
    entry: 'lambdas/keys/revoke.ts',
    access: 'write',
    tableActions: ['GetItem', 'DeleteItem', 'UpdateItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner, prefix.apiKeyLookup] },
  },
  {
    id: 'quota-check-consume',
    ...fromContract(contracts.quota.checkConsume),
    entry: 'lambdas/quota/check-consume.ts',
    access: 'write',
    // BatchGetItem: a hot metric's shards of the subject (lambdas/quota/subject-counter.ts).
    tableActions: ['GetItem', 'BatchGetItem', 'UpdateItem', 'PutItem'],
    keyPrefixes: { read: [prefix.quotaSubject, prefix.idempotency], write: [prefix.quotaSubject, prefix.idempotency] },
    scopedWrites: { actions: ['BatchWriteItem'], partitionKeyPrefix: prefix.decisionLog },
  },
  {
    id: 'quota-usage',
    ...fromContract(contracts.quota.usage),
    entry: 'lambdas/quota/usage.ts',
    // Usage consumes nothing of the subject; its account count makes it a writer (withPlanCounting).
    access: 'read',
    tableActions: ['GetItem', 'BatchGetItem'],
    keyPrefixes: { read: [prefix.quotaSubject] },
  },
  {
    id: 'quota-account',
    ...fromContract(contracts.quota.account),
    entry: 'lambdas/quota/account.ts',
    access: 'read',
    // BatchGetItem: the month's account shards.
    tableActions: ['GetItem', 'BatchGetItem', 'Query'],
    keyPrefixes: { read: [prefix.owner, prefix.account, prefix.decisionLog] },
    readsPlans: true,
  },
  {
    id: 'metrics-create',
    ...fromContract(contracts.quota.createMetric),
    entry: 'lambdas/quota/metrics-create.ts',
    access: 'write',
    tableActions: ['PutItem'],
    keyPrefixes: { write: [prefix.owner] },
    creates: true,
  },
  {
    id: 'metrics-list',
    ...fromContract(contracts.quota.listMetrics),
    entry: 'lambdas/quota/metrics-list.ts',
    access: 'read',
    tableActions: ['Query'],
    keyPrefixes: { read: [prefix.owner] },
  },
  {
    id: 'metrics-get',
    ...fromContract(contracts.quota.getMetric),
    entry: 'lambdas/quota/metrics-get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.owner] },
  },
  {
    id: 'metrics-update',
    ...fromContract(contracts.quota.updateMetric),
    entry: 'lambdas/quota/metrics-update.ts',
    access: 'write',
    tableActions: ['UpdateItem'],
    keyPrefixes: { write: [prefix.owner] },
  },
  {
    id: 'metrics-delete',
    ...fromContract(contracts.quota.deleteMetric),
    entry: 'lambdas/quota/metrics-delete.ts',
    access: 'write',
    tableActions: ['DeleteItem', 'Query', 'BatchWriteItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner] },
  },
  {
    id: 'overrides-put',
    ...fromContract(contracts.quota.putOverride),
    entry: 'lambdas/quota/overrides-put.ts',
    access: 'write',
    tableActions: ['GetItem', 'ConditionCheckItem', 'PutItem'],
    keyPrefixes: { read: [prefix.owner], write: [prefix.owner] },
  },
  {
    id: 'overrides-list',
    ...fromContract(contracts.quota.listOverrides),
    entry: 'lambdas/quota/overrides-list.ts',
    access: 'read',
    tableActions: ['Query'],
    keyPrefixes: { read: [prefix.owner] },
  },
  {
    id: 'overrides-get',
    ...fromContract(contracts.quota.getOverride),
    entry: 'lambdas/quota/overrides-get.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.owner] },
  },
  {
    id: 'overrides-delete',
    ...fromContract(contracts.quota.deleteOverride),
    entry: 'lambdas/quota/overrides-delete.ts',
    access: 'write',
    tableActions: ['DeleteItem'],
    keyPrefixes: { write: [prefix.owner] },
  },
  {
    id: 'health-deep',
    ...fromContract(contracts.quota.health),
    entry: 'lambdas/quota/health.ts',
    access: 'read',
    tableActions: ['GetItem'],
    keyPrefixes: { read: [prefix.healthProbe] },
  },
  {
    id: 'health',
    ...fromContract(contracts.quota.appHealth),
    entry: 'lambdas/quota/app-health.ts',
    access: 'none',
    tableActions: [],
  },
  {
    id: 'hits',
    ...fromContract(contracts.hits.count),
    entry: 'lambdas/hits/hit.ts',
    access: 'write',
    // DeleteItem only releases the marker of a new visitor whose count failed (see hit-store.ts).
    tableActions: ['UpdateItem', 'PutItem', 'GetItem', 'BatchGetItem', 'DeleteItem'],
    keyPrefixes: { read: [prefix.hitCounter], write: [prefix.hitCounter, prefix.hitVisitor, prefix.publicCreation] },
    readsIpHashSecret: true,
  },
  {
    id: 'openapi',
    ...fromContract(contracts.site.document),
    entry: 'lambdas/openapi/handler.ts',
    access: 'none',
    tableActions: [],
  },
  {
    id: 'docs',
    ...fromContract(contracts.site.reference),
    entry: 'lambdas/openapi/reference.ts',
    access: 'none',
    tableActions: [],
    // The page names the script by its content's hash.
    packageFiles: rendererPackageFiles,
  },
  {
    id: 'docs-script',
    ...fromContract(contracts.site.referenceScript),
    entry: 'lambdas/openapi/reference-script.ts',
    access: 'none',
    tableActions: [],
    packageFiles: rendererPackageFiles,
  },
  {
    id: 'landing',
    ...fromContract(contracts.site.landing),
    entry: 'lambdas/site/landing.ts',
    access: 'read',
    // The statistics it shows are /stats's, read from the same shards; it records none itself.
    tableActions: ['BatchGetItem'],
    keyPrefixes: { read: [prefix.countapiStats] },
  },
  {
    id: 'embed-builder',
    ...fromContract(contracts.site.embedBuilder),
    entry: 'lambdas/site/embed.ts',
    access: 'none',
    tableActions: [],
  },
  {
    id: 'console',
    ...fromContract(contracts.site.console),
    entry: 'lambdas/site/console.ts',
    // A page only: the browser calls the admin API itself, with the owner's key.
    access: 'none',
    tableActions: [],
  },
  {
    id: 'site-assets',
    ...fromContract(contracts.site.asset),
    entry: 'lambdas/site/asset.ts',
    access: 'none',
    tableActions: [],
  },
  {
    id: 'fallback',
    routeKeys: ['OPTIONS /{proxy+}', '$default'],
    entry: 'lambdas/fallback.ts',
    access: 'none',
    tableActions: [],
    readsRouteTable: true,
  },
];

export const routes = declaredRoutes.map(withPlanCounting);
