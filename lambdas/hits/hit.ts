import { documentClient } from '../shared/dynamodb.ts';
import { hashIp, ipHashSecret } from '../shared/ip-hash.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { creatorOf } from '../shared/public-creation.ts';
import { countHit, readHits } from './hit-store.ts';
import { hitsRoute } from './http.ts';

export const handler = hitsRoute(async ({ id, resource, mode }, { event, nowMs, table }) => {
  const name = { id, resource };
  if (mode === 'read') return readHits(documentClient, table, name, nowMs);
  // The source IP as API Gateway saw the connection (X-Forwarded-For is whatever the client wrote),
  // hashed per counter: one visitor's markers on two counters cannot be linked.
  const visitor = hashIp(event.requestContext.http.sourceIp, await ipHashSecret(), `${id}/${resource}`);
  const counts = await countHit(documentClient, table, name, visitor, nowMs, () => creatorOf(event, nowMs));
  businessMetrics.hit();
  return counts;
});
