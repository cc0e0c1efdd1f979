import { createApiKey, IssuingKeyRevokedError } from '../shared/api-keys.ts';
import { AuthenticationError } from '../shared/authenticate.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { v1Route } from '../shared/private-api.ts';
import { createKeyRequest } from './schemas.ts';

/** The only answer that ever contains the key: Incr keeps just its hash. */
export const handler = v1Route({ keyKind: 'admin', schema: createKeyRequest }, async ({ kind, name }, { caller, nowMs, table }) => {
  try {
    const apiKey = await createApiKey(documentClient, table, { ownerId: caller.ownerId, kind, name, nowMs, issuedBy: caller.keyId });
    businessMetrics.apiKeyCreated();
    return { statusCode: 201, body: apiKey };
  } catch (error) {
    if (error instanceof IssuingKeyRevokedError) throw new AuthenticationError(401, error.message);
    throw error;
  }
});
