import { createApiKey, IssuingKeyRevokedError } from '../shared/api-keys.ts';
import { unauthorized } from '../shared/authenticate.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { v1Route } from '../shared/private-api.ts';
import { contracts } from './schemas.ts';

const keyErrors = [[IssuingKeyRevokedError, (error: IssuingKeyRevokedError) => unauthorized(error.message)]] as const;

/** The only answer that ever contains the key: Incr keeps just its hash. */
export const handler = v1Route(contracts.create, async ({ kind, name }, { caller, nowMs, table, write }) => {
  const apiKey = await createApiKey(documentClient, table, { ownerId: caller.ownerId, kind, name, nowMs, issuedBy: caller.keyId }, write);
  businessMetrics.apiKeyCreated();
  return { statusCode: 201, body: apiKey };
}, keyErrors);
