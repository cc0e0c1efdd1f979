import type { Window } from './windowed-counter.ts';
import { table } from './table-keys.ts';

/**
 * The table's data model: every partition-key prefix and every key of the one table, in one place.
 * A prefix names a family of items; IAM grants each function its prefixes only (lib/routes.ts,
 * `dynamodb:LeadingKeys`), so no prefix may start with another one (`hits#` does not match
 * `hits-visitor#…`, `countapi#` does not match `countapi-stats#…`).
 *
 * Keys join their parts with `#`. A key is unambiguous when every part but the last cannot contain
 * `#`: identifiers the service makes (owner ids `own_<hex>`, key ids, hex and base64url hashes) and
 * names the request schemas restrict to `#`-free alphabets are used as they are, which keeps the
 * layout of the data already stored. The one free-text part that is not last, a requested metric
 * name, goes through `escapeKeyPart`.
 */
export const keyPrefixes = {
  /** `countapi#<namespace>#<key>`: names match namePattern (lambdas/countapi/names.ts), never `#`. */
  countapiCounter: 'countapi#',
  countapiStats: 'countapi-stats#',
  /** `hits#<id>#<resource>`: id and resource match namePattern. */
  hitCounter: 'hits#',
  hitVisitor: 'hits-visitor#',
  /** Per-IP creation windows of the public counters (CountAPI and hits share them). */
  publicCreation: 'ratelimit#public-create#',
  apiKeyLookup: 'apikey#',
  /** The owner item, its key listings and its quota configuration. */
  owner: 'owner#',
  /** Private counters: keys match `^[A-Za-z0-9_.:-]{1,128}$` (lambdas/counters/schemas.ts). */
  privateCounter: 'counters#',
  /** Namespace counters: namespaces match `^[A-Za-z0-9_-]{1,64}$` (lambdas/namespace-counter/schemas.ts). */
  namespaceCounter: 'misc#',
  quotaSubject: 'quota#',
  account: 'account#',
  idempotency: 'idempotency#',
  decisionLog: 'decisions#',
  /** The deep health check reads `health#probe` (an item never written); lambdas/quota/health.ts builds it. */
  healthProbe: 'health#',
  /** Only the local server writes it (lib/local/demo-owner.ts); no deployed function may. */
  localServer: 'local#',
} as const;

export type KeyPrefix = (typeof keyPrefixes)[keyof typeof keyPrefixes];

/**
 * Escapes `%` and `#` (as encodeURIComponent would) so that a free-text part cannot end early and
 * borrow the next part: requested metric names are any text up to 200 characters. Configured
 * metric names are snake_case, which this leaves unchanged: no stored key changes.
 */
const escapeKeyPart = (text: string) => text.replace(/%/g, '%25').replace(/#/g, '%23');

const key = (partitionKey: string, sortKey: string) => ({ [table.partitionKey]: partitionKey, [table.sortKey]: sortKey });

export const countapiCounterKey = ({ namespace, key: name }: { namespace: string; key: string }) =>
  key(`${keyPrefixes.countapiCounter}${namespace}#${name}`, 'counter');
/**
 * A hot counter's shards (lambdas/shared/sharded-counter.ts): partition keys of their own, since
 * one partition takes ~1,000 writes/s whatever its sort keys, under the counter's own prefix (its
 * routes' IAM grants cover them). The base key has no `#` after the name, so no name can be a shard.
 */
const shardKey = (base: Record<string, string>, shard: number) => key(`${base[table.partitionKey]}#${shard}`, 'shard');
export const countapiCounterShardKey = (name: { namespace: string; key: string }, shard: number) => shardKey(countapiCounterKey(name), shard);
export const countapiStatsShardKey = (shard: number) => key(`${keyPrefixes.countapiStats}${shard}`, 'stats');

export const hitCounterKey = ({ id, resource }: { id: string; resource: string }) => key(`${keyPrefixes.hitCounter}${id}#${resource}`, 'counter');
export const hitCounterShardKey = (name: { id: string; resource: string }, shard: number) => shardKey(hitCounterKey(name), shard);
/** The visitor hash is base64url (lambdas/shared/ip-hash.ts). */
export const hitVisitorKey = ({ id, resource }: { id: string; resource: string }, visitorHash: string) =>
  key(`${keyPrefixes.hitVisitor}${id}#${resource}#${visitorHash}`, 'visitor');

/** The IP hash is base64url. */
export const publicCreationPartition = (ipHash: string) => `${keyPrefixes.publicCreation}${ipHash}`;

/** Fixed-window counters share a partition per counter, one item per window (lambdas/shared/windowed-counter.ts). */
export const windowKey = (partitionKey: string, window: Pick<Window, 'kind' | 'startMs'>) => key(partitionKey, `window#${window.kind}#${window.startMs}`);

/** The key hash is hex SHA-256. */
export const apiKeyLookupKey = (keyHash: string) => key(`${keyPrefixes.apiKeyLookup}${keyHash}`, 'apikey');
/** Owner ids are `own_<hex>` (newOwnerId in lambdas/shared/api-keys.ts), in every key below. */
export const ownerPartition = (ownerId: string) => `${keyPrefixes.owner}${ownerId}`;
export const ownerKey = (ownerId: string) => key(ownerPartition(ownerId), 'owner');
export const apiKeyListingPrefix = 'key#';
/** Key ids are `key_<hex>`. */
export const apiKeyListingKey = (ownerId: string, keyId: string) => key(ownerPartition(ownerId), `${apiKeyListingPrefix}${keyId}`);

/** Metrics and overrides have disjoint sort-key prefixes, so listing metrics never reads overrides. */
export const metricsSortKeyPrefix = 'metric#';
export const metricKey = (ownerId: string, metric: string) => key(ownerPartition(ownerId), `${metricsSortKeyPrefix}${escapeKeyPart(metric)}#`);
/** The subject is the last part, so it may hold any text. */
export const overridesSortKeyPrefix = (metric: string) => `override#${escapeKeyPart(metric)}#`;
export const overrideKey = (ownerId: string, metric: string, subject: string) => key(ownerPartition(ownerId), `${overridesSortKeyPrefix(metric)}${subject}`);

/** An owner's counters of one space; owner ids come from the verified API key, never from the request. */
export const ownerCountersPrefix = (space: 'counters' | 'misc', ownerId: string) =>
  `${space === 'counters' ? keyPrefixes.privateCounter : keyPrefixes.namespaceCounter}${ownerId}#`;
export const ownerCounterKey = (countersPrefix: string, name: string) => key(`${countersPrefix}${name}`, 'counter');

/**
 * One subject's usage of one metric; the subject is the last part. Shard `shard` of a hot metric's
 * subject (lambdas/quota/subject-counter.ts) marks the metric part with `%s<shard>`, which no
 * escaped metric name contains (its `%` is always `%25` or `%23`); shard 0 is the unsharded item.
 */
export const quotaSubjectPartition = (ownerId: string, metric: string, subject: string, shard = 0) =>
  `${keyPrefixes.quotaSubject}${ownerId}#${escapeKeyPart(metric)}${shard === 0 ? '' : `%s${shard}`}#${subject}`;
/** Shard 0 of an account count is its unsharded item, so a plan's first shard keeps the counts of before it was sharded. */
export const accountPartition = (ownerId: string, counter: 'rate' | 'month', shard = 0) =>
  `${keyPrefixes.account}${ownerId}#${counter}${shard === 0 ? '' : `#${shard}`}`;
/** The Idempotency-Key is free text, and the last part. */
export const idempotencyRecordKey = (ownerId: string, idempotencyKey: string) => key(`${keyPrefixes.idempotency}${ownerId}#${idempotencyKey}`, 'record');

export const decisionLogPartition = (ownerId: string) => `${keyPrefixes.decisionLog}${ownerId}`;
/** Zero-padded time first, so that a Query in descending sort-key order reads the newest flushes first. */
export const decisionLogKey = (ownerId: string, nowMs: number, nonce: string) => key(decisionLogPartition(ownerId), `${String(nowMs).padStart(15, '0')}#${nonce}`);

export const localDemoOwnerMarkerKey = key(`${keyPrefixes.localServer}demo-owner`, 'marker');
