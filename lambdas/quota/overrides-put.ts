import { documentClient } from '../shared/dynamodb.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { putOverride } from './config-store.ts';
import { contracts } from './schemas.ts';

/** Creates or replaces the override (PUT is idempotent). */
export const handler = v1Route(contracts.putOverride, async (override, { caller, nowMs, table, write }) => {
  const stored = await putOverride(documentClient, table, caller.ownerId, override, nowMs, write);
  if (!stored) throw new RequestError(404, 'not_found', `No metric ${override.metric}: create it first`);
  return { statusCode: 200, body: stored };
});
