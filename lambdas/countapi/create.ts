import { randomUUID } from 'node:crypto';
import { documentClient } from '../shared/dynamodb.ts';
import { businessMetrics } from '../shared/metrics.ts';
import { hashIp, ipHashSecret } from '../shared/ip-hash.ts';
import { secondsUntilEnd, windowAt } from '../shared/windowed-counter.ts';
import { createCounter } from './counter-store.ts';
import { countapiRoute, xPath } from './http.ts';
import { createRequest } from './schemas.ts';

/** CountAPI's documented limit: 20 key creations per source IP per second. */
const creationsPerSecond = 20;
const conflict = { namespace: null, key: null, value: null };

export const handler = countapiRoute(createRequest, async (request, { event, nowMs, table, stats }) => {
  const name = { namespace: request.namespace, key: request.key ?? randomUUID() };
  // The source IP as API Gateway saw the connection: X-Forwarded-For is whatever the client wrote.
  const creator = hashIp(event.requestContext.http.sourceIp, await ipHashSecret());
  const window = windowAt('second', nowMs);
  const outcome = await createCounter(
    documentClient,
    table,
    {
      ...name,
      value: request.value,
      enableReset: request.enable_reset,
      updateLowerbound: request.update_lowerbound,
      updateUpperbound: request.update_upperbound,
    },
    { counterKey: `ratelimit#countapi-create#${creator}`, window, limit: creationsPerSecond },
    nowMs,
  );
  switch (outcome) {
    case 'created':
      stats.record({ keysCreated: 1 });
      businessMetrics.keyCreated();
      return { statusCode: 200, body: { ...name, value: request.value }, path: xPath(name) };
    case 'exists':
      return { statusCode: 409, body: conflict, path: xPath(name) };
    case 'rate-limited':
      businessMetrics.rateLimited();
      return {
        statusCode: 429,
        body: { error: `Too many keys created: at most ${creationsPerSecond} per second per IP address` },
        headers: { 'Retry-After': String(secondsUntilEnd(window, nowMs)) },
      };
  }
});
