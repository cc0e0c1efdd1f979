import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { apiKeyPattern, findApiKey, hashApiKey, type VerifiedKey } from './api-keys.ts';
import { clock } from './clock.ts';
import { ExpiringCache } from './expiring-cache.ts';
import type { KeyAuth } from './http/contract.ts';
import { RequestError } from './http/request-error.ts';

/**
 * API-key authentication without a DynamoDB round trip on the hot path: a verified answer (owner,
 * or "no such key") is kept in the container for `keyCacheMs`. That is also the longest a revoked
 * key keeps working in a warm container: revocation takes effect within 5 seconds everywhere.
 * Unknown keys are remembered too, so a flood of bad keys costs one read per key per container
 * per interval; the cache is bounded so such a flood cannot exhaust memory.
 */
export const keyCacheMs = 5_000;
const maxCachedKeys = 10_000;

export const invalidKeyMessage = 'Invalid or revoked API key';
export const unauthorized = (message: string) => new RequestError(401, 'unauthorized', message);

const verifiedKeys = new ExpiringCache<VerifiedKey | undefined>(keyCacheMs, maxCachedKeys);

/** The key from `Authorization: Bearer <key>`, or from another header some families use. */
export const presentedKey = (event: APIGatewayProxyEventV2, alternativeHeader?: string): string | undefined => {
  const authorization = event.headers.authorization;
  if (authorization !== undefined) return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '';
  return alternativeHeader ? event.headers[alternativeHeader] : undefined;
};

/**
 * Verifies a presented key and checks its kind. Throws a RequestError (401 for a missing,
 * malformed, unknown or revoked key; 403 for a valid key of the wrong kind; `any` takes either kind).
 */
export const authenticate = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  key: string | undefined,
  requiredKind: KeyAuth,
): Promise<VerifiedKey> => {
  if (key === undefined) throw unauthorized('Missing API key: send it as Authorization: Bearer <key>');
  if (!apiKeyPattern.test(key)) throw unauthorized('Malformed API key');
  const keyHash = hashApiKey(key);
  const verified = await verifiedKeys.get(keyHash, clock.now(), () => findApiKey(client, tableName, keyHash));
  if (!verified) throw unauthorized(invalidKeyMessage);
  if (requiredKind !== 'any' && verified.kind !== requiredKind) throw new RequestError(403, 'forbidden', `This route needs a ${requiredKind} key`);
  return verified;
};
