import { beforeAll, describe, expect, it } from 'vitest';
import { countapiStats } from '../lambdas/countapi/http.ts';
import { decisionLog } from '../lambdas/quota/decision-log.ts';
import { tableGrants } from '../lib/incr-stack.ts';
import { routes } from '../lib/routes.ts';
import { useDynamoDBCalls } from './dynamodb-calls.ts';
import { bearer, createTestOwner, getText, type TestOwner, uniqueName, useLocalApi } from './helpers.ts';

/**
 * Keeps the routes' `keyPrefixes` honest. DynamoDB Local does not enforce IAM, so a store that
 * writes a prefix its route does not declare would only fail in AWS. Here every route with table
 * access serves real requests through the local server, every key of every DynamoDB call is
 * recorded (transaction and batch items one by one, as IAM authorizes them), and each must fall
 * under one of that route's grants, the same grants the stack turns into IAM statements.
 * Statistics and decision-log flushes run on every request, so their writes are checked too.
 */
const api = useLocalApi();
const dynamodb = useDynamoDBCalls();

beforeAll(() => {
  countapiStats.flushes.intervalMs = 0;
  decisionLog.flushes.intervalMs = 0;
});

interface Step {
  route: string;
  status: number;
  send: () => Promise<Response>;
}

const counter = uniqueName();
const privateKey = uniqueName('c');
const resource = uniqueName('page');
const metric = `m_${uniqueName('').replace(/-/g, '')}`;
let owner: TestOwner;
let issuedKeyId = '';

const as = (key: () => string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => () =>
  api.fetch(path, bearer(key(), { method, body, headers }));
const useKey = () => owner.useKey;
const adminKey = () => owner.adminKey;

// In order: later steps need what earlier ones created. Subjects and keys hold `#` on purpose.
const steps: Step[] = [
  { route: 'countapi-create', status: 200, send: () => api.fetch(`/create?key=${counter}&enable_reset=1&update_upperbound=5`) },
  { route: 'countapi-hit', status: 200, send: () => api.fetch(`/hit/${counter}`) },
  { route: 'countapi-hit', status: 200, send: () => api.fetch(`/hit/${uniqueName()}`) },
  { route: 'countapi-get', status: 200, send: () => api.fetch(`/get/${counter}`) },
  { route: 'countapi-set', status: 200, send: () => api.fetch(`/set/${counter}?value=3`) },
  { route: 'countapi-update', status: 200, send: () => api.fetch(`/update/${counter}?amount=1`) },
  { route: 'countapi-info', status: 200, send: () => api.fetch(`/info/${counter}`) },
  { route: 'countapi-stats', status: 200, send: () => api.fetch('/stats') },
  { route: 'landing', status: 200, send: () => api.fetch('/') },
  { route: 'hits', status: 200, send: () => api.fetch(`/hits/site.example/${resource}`) },
  { route: 'hits', status: 200, send: () => api.fetch(`/hits/site.example/${resource}`) },
  { route: 'hits', status: 200, send: () => api.fetch(`/hits/site.example/${resource}?mode=read`) },
  { route: 'health-deep', status: 200, send: () => api.fetch('/v1/health') },
  { route: 'counters-increment', status: 200, send: as(useKey, 'POST', `/v1/counters/${privateKey}/increment`, { by: 5 }) },
  { route: 'counters-decrement', status: 200, send: as(useKey, 'POST', `/v1/counters/${privateKey}/decrement`, { by: 1 }) },
  { route: 'counters-decrement-if-exists', status: 200, send: as(useKey, 'POST', `/v1/counters/${privateKey}/decrement-if-exists`, { by: 1 }) },
  { route: 'counters-set-if-not-exists', status: 200, send: as(useKey, 'POST', `/v1/counters/${privateKey}:other/set-if-not-exists`, { value: 1 }) },
  { route: 'counters-get', status: 200, send: as(useKey, 'GET', `/v1/counters/${privateKey}`) },
  { route: 'counters-multi-get', status: 200, send: as(useKey, 'GET', `/v1/counters?keys=${privateKey},${privateKey}:other`) },
  { route: 'counters-delete', status: 200, send: as(useKey, 'DELETE', `/v1/counters/${privateKey}`) },
  { route: 'namespace-counter-increment', status: 200, send: as(useKey, 'POST', `/v1/misc/counter/${counter}`) },
  { route: 'namespace-counter-get', status: 200, send: as(useKey, 'GET', `/v1/misc/counter/${counter}`) },
  { route: 'keys-create', status: 201, send: as(adminKey, 'POST', '/v1/keys', { kind: 'use' }) },
  { route: 'keys-list', status: 200, send: as(adminKey, 'GET', '/v1/keys') },
  { route: 'keys-revoke', status: 200, send: () => as(adminKey, 'DELETE', `/v1/keys/${issuedKeyId}`)() },
  { route: 'metrics-create', status: 201, send: as(adminKey, 'POST', '/v1/metrics', { metric, limit: 100, window: 'day', shards: 4 }) },
  { route: 'metrics-list', status: 200, send: as(adminKey, 'GET', '/v1/metrics') },
  { route: 'metrics-get', status: 200, send: as(adminKey, 'GET', `/v1/metrics/${metric}`) },
  { route: 'metrics-update', status: 200, send: as(adminKey, 'PATCH', `/v1/metrics/${metric}`, { limit: 200 }) },
  { route: 'overrides-put', status: 200, send: as(adminKey, 'PUT', `/v1/metrics/${metric}/overrides/user%231`, { limit: 5 }) },
  { route: 'overrides-list', status: 200, send: as(adminKey, 'GET', `/v1/metrics/${metric}/overrides`) },
  { route: 'overrides-get', status: 200, send: as(adminKey, 'GET', `/v1/metrics/${metric}/overrides/user%231`) },
  { route: 'quota-check-consume', status: 200, send: as(useKey, 'POST', '/v1/check-consume', { subject: 'user#1', metric, cost: 1 }) },
  { route: 'quota-check-consume', status: 200, send: as(useKey, 'POST', '/v1/check-consume', { subject: 'user#1', metric, cost: 1 }, { 'idempotency-key': 'order#1' }) },
  { route: 'quota-check-consume', status: 200, send: as(useKey, 'POST', '/v1/check-consume', { subject: 'user#1', metric, cost: 50 }) },
  { route: 'quota-usage', status: 200, send: as(useKey, 'GET', `/v1/usage?subject=user%231&metric=${metric}`) },
  { route: 'quota-account', status: 200, send: as(adminKey, 'GET', '/v1/account') },
  { route: 'overrides-delete', status: 200, send: as(adminKey, 'DELETE', `/v1/metrics/${metric}/overrides/user%231`) },
  { route: 'overrides-put', status: 200, send: as(adminKey, 'PUT', `/v1/metrics/${metric}/overrides/user%232`, { limit: 5 }) },
  { route: 'metrics-delete', status: 200, send: as(adminKey, 'DELETE', `/v1/metrics/${metric}`) },
];

describe("every key a route's handler touches is under one of its declared prefixes", () => {
  beforeAll(async () => {
    owner = await createTestOwner('key-prefixes', 'bulk');
  });

  it.each(steps.map((step, index) => [index, step.route, step] as const))('step %i: %s', async (_, routeId, { status, send }) => {
    const { result, calls } = await dynamodb.during(() => getText(send()));
    expect(result.status, result.text).toBe(status);
    if (routeId === 'keys-create') issuedKeyId = (JSON.parse(result.text) as { keyId: string }).keyId;

    const grants = tableGrants(routes.find(({ id }) => id === routeId)!);
    const accesses = calls.flatMap((call) => call.accesses);
    const outside = accesses.filter(
      ({ action, pk }) => !grants.some((grant) => grant.actions.includes(action as never) && grant.prefixes.some((prefix) => pk?.startsWith(prefix))),
    );
    expect(accesses.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it('drives every route that has table access', () => {
    const driven = new Set(steps.map(({ route }) => route));
    expect(routes.filter((route) => route.tableActions.length > 0 && !driven.has(route.id)).map(({ id }) => id)).toEqual([]);
  });
});
