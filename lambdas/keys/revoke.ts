import { revokeApiKey } from '../shared/api-keys.ts';
import { documentClient } from '../shared/dynamodb.ts';
import { keyCacheMs } from '../shared/authenticate.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.revoke, async ({ keyId }, { caller, nowMs, table, write }) => {
  const result = await revokeApiKey(documentClient, table, { ownerId: caller.ownerId, keyId, nowMs }, write);
  if (result.outcome === 'not-found') throw new RequestError(404, 'not_found', `No key ${keyId}`);
  return {
    statusCode: 200,
    body: { ...result.key, effectiveWithinSeconds: result.outcome === 'revoked' ? keyCacheMs / 1000 : 0 },
  };
});
