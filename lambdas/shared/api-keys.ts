import { createHash, randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { conditionalUpdate } from './dynamodb/conditional.ts';
import { transactWrite } from './dynamodb/transactions.ts';
import { writeItems, type WriteItems } from './dynamodb/item-writes.ts';
import { apiKeyListingKey as listingKey, apiKeyListingPrefix, apiKeyLookupKey as lookupKey, keyPrefixes, ownerKey, ownerPartition } from './keys.ts';
import { type Page, type PageRequest, queryPage } from './query-partition.ts';
import { table } from './table.ts';

/**
 * Owners and their API keys. A key is shown once, when it is created; the table keeps only its
 * SHA-256 (right for 160 random bits: nothing to brute-force, no need for a slow hash) and a short
 * prefix for display. Each key has two items:
 * - the lookup item `apikey#<sha256>`, which authentication reads (one GetItem by hash);
 * - the listing item `owner#<id>` / `key#<keyId>`, which the owner's key list queries.
 * Creation and revocation change both in one transaction.
 */

export type KeyKind = 'use' | 'admin';

export interface ApiKeyRecord {
  keyId: string;
  ownerId: string;
  kind: KeyKind;
  /** The first characters of the key, safe to show: `ck_use_live_1a2b`. */
  prefix: string;
  name?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  revokedAt?: number;
}

export interface Owner {
  ownerId: string;
  name: string;
  plan: string;
  createdAt: number;
}

/** `ck_<kind>_live_` then 40 hex characters: 160 random bits. */
export const apiKeyPattern = /^ck_(use|admin)_live_[0-9a-f]{40}$/;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const newOwnerId = (): string => `own_${randomBytes(8).toString('hex')}`;

export interface CreatedApiKey extends ApiKeyRecord {
  /** The key itself: returned once, never stored. */
  key: string;
}

const newApiKey = (ownerId: string, kind: KeyKind, nowMs: number, name?: string) => {
  const key = `ck_${kind}_live_${randomBytes(20).toString('hex')}`;
  const record: ApiKeyRecord = {
    keyId: `key_${randomBytes(8).toString('hex')}`,
    ownerId,
    kind,
    prefix: key.slice(0, `ck_${kind}_live_`.length + 4),
    createdAt: nowMs,
    ...(name ? { name } : {}),
  };
  return { key, keyHash: hashApiKey(key), record };
};

const apiKeyPuts = (tableName: string, { keyHash, record }: { keyHash: string; record: ApiKeyRecord }) => [
  {
    Put: {
      TableName: tableName,
      Item: { ...lookupKey(keyHash), ownerId: record.ownerId, keyId: record.keyId, kind: record.kind },
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': table.partitionKey },
    },
  },
  { Put: { TableName: tableName, Item: { ...listingKey(record.ownerId, record.keyId), ...record, keyHash } } },
];

/** Creates an owner and its first admin key in one transaction (the bootstrap: CLI and `npm start`). */
export const createOwner = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { name, plan, nowMs }: { name: string; plan: string; nowMs: number },
): Promise<{ owner: Owner; adminKey: CreatedApiKey }> => {
  const owner: Owner = { ownerId: newOwnerId(), name, plan, createdAt: nowMs };
  const adminKey = newApiKey(owner.ownerId, 'admin', nowMs, 'bootstrap');
  await transactWrite(client, {
    TransactItems: [{ Put: { TableName: tableName, Item: { ...ownerKey(owner.ownerId), ...owner } } }, ...apiKeyPuts(tableName, adminKey)],
  });
  return { owner, adminKey: { ...adminKey.record, key: adminKey.key } };
};

/** The key that asked for a new key was revoked (or deleted) meanwhile: nothing was created. */
export class IssuingKeyRevokedError extends Error {
  constructor() {
    super('Invalid or revoked API key');
    this.name = 'IssuingKeyRevokedError';
  }
}

/**
 * Creates a key. With `issuedBy` (the keyId of the admin key asking), the transaction also checks
 * that key's listing is there and not revoked: authentication trusts a cached verdict for up to
 * 5 seconds, and a revoked admin key must not use that window to mint a key that outlives it.
 */
export const createApiKey = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { ownerId, kind, name, nowMs, issuedBy }: { ownerId: string; kind: KeyKind; name?: string; nowMs: number; issuedBy?: string },
  write: WriteItems = writeItems(client),
): Promise<CreatedApiKey> => {
  const apiKey = newApiKey(ownerId, kind, nowMs, name);
  const issuerCheck = issuedBy && {
    ConditionCheck: {
      TableName: tableName,
      Key: listingKey(ownerId, issuedBy),
      ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#revokedAt)',
      ExpressionAttributeNames: { '#pk': table.partitionKey, '#revokedAt': 'revokedAt' },
    },
  };
  const { applied, reasons } = await write({ items: [...apiKeyPuts(tableName, apiKey), ...(issuerCheck ? [issuerCheck] : [])] });
  if (!applied) {
    if (issuerCheck && reasons[2]?.conditionFailed) throw new IssuingKeyRevokedError();
    throw new Error('A new key id or key hash collided with an existing one');
  }
  return { ...apiKey.record, key: apiKey.key };
};

export interface VerifiedKey {
  ownerId: string;
  keyId: string;
  kind: KeyKind;
}

/** The key's owner and kind, or undefined for an unknown or revoked key (revocation deletes the lookup item). */
export const findApiKey = async (client: DynamoDBDocumentClient, tableName: string, keyHash: string): Promise<VerifiedKey | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: lookupKey(keyHash), ConsistentRead: true }));
  return Item ? { ownerId: Item.ownerId as string, keyId: Item.keyId as string, kind: Item.kind as KeyKind } : undefined;
};

/** One page of the owner's keys, in key-id order. */
export const listApiKeys = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string, page: PageRequest): Promise<Page<ApiKeyRecord>> => {
  const { items, nextCursor } = await queryPage(client, tableName, ownerPartition(ownerId), apiKeyListingPrefix, page);
  const keys = items.map((item) => {
    const { [table.partitionKey]: _pk, [table.sortKey]: _sk, keyHash: _hash, ...record } = item;
    return record as unknown as ApiKeyRecord;
  });
  return { items: keys, nextCursor };
};

export type RevokeResult = { outcome: 'revoked'; key: ApiKeyRecord } | { outcome: 'not-found' } | { outcome: 'already-revoked'; key: ApiKeyRecord };

/**
 * Deletes the lookup item (so authentication stops finding the key) and marks the listing item
 * revoked, together. Containers that verified the key recently keep accepting it until their
 * cache entry ends (see lambdas/shared/authenticate.ts).
 */
export const revokeApiKey = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { ownerId, keyId, nowMs }: { ownerId: string; keyId: string; nowMs: number },
  write: WriteItems = writeItems(client),
): Promise<RevokeResult> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: listingKey(ownerId, keyId), ConsistentRead: true }));
  if (!Item) return { outcome: 'not-found' };
  const { [table.partitionKey]: _pk, [table.sortKey]: _sk, keyHash, ...record } = Item;
  if (record.revokedAt !== undefined) return { outcome: 'already-revoked', key: record as ApiKeyRecord };
  const { applied } = await write({
    items: [
      { Delete: { TableName: tableName, Key: lookupKey(keyHash as string) } },
      {
        Update: {
          TableName: tableName,
          Key: listingKey(ownerId, keyId),
          UpdateExpression: 'SET revokedAt = :now',
          ConditionExpression: 'attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':now': nowMs },
        },
      },
    ],
  });
  if (!applied) return { outcome: 'already-revoked', key: record as ApiKeyRecord };
  return { outcome: 'revoked', key: { ...(record as ApiKeyRecord), revokedAt: nowMs } };
};

/**
 * Every owner of the table, in no particular order. A Scan reads the whole table, so only the
 * deployer's CLI calls this, never a route: no key may see another owner.
 */
export const listOwners = async (client: DynamoDBDocumentClient, tableName: string): Promise<Owner[]> => {
  const owners: Owner[] = [];
  const ownerSortKey = ownerKey('')[table.sortKey];
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      FilterExpression: 'begins_with(#pk, :prefix) AND #sk = :sk',
      ExpressionAttributeNames: { '#pk': table.partitionKey, '#sk': table.sortKey },
      ExpressionAttributeValues: { ':prefix': keyPrefixes.owner, ':sk': ownerSortKey },
      ConsistentRead: true,
    },
  );
  for await (const { Items = [] } of pages) {
    for (const { ownerId, name, plan, createdAt } of Items) owners.push({ ownerId, name, plan, createdAt } as Owner);
  }
  return owners;
};

export const ownerExists = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string): Promise<boolean> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: ownerKey(ownerId), ConsistentRead: true }));
  return Item !== undefined;
};

/** Moves an owner to another plan (the deployer's decision: only the CLI calls this, never an owner's key). */
export const setOwnerPlan = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string, plan: string): Promise<boolean> => {
  const { applied } = await conditionalUpdate(client, {
    TableName: tableName,
    Key: ownerKey(ownerId),
    UpdateExpression: 'SET #plan = :plan',
    ConditionExpression: 'attribute_exists(#pk)',
    ExpressionAttributeNames: { '#plan': 'plan', '#pk': table.partitionKey },
    ExpressionAttributeValues: { ':plan': plan },
  });
  return applied;
};
