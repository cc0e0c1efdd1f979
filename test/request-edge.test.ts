import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { toEvent } from '../lib/local/api-gateway.ts';
import { lambdaContext } from '../lib/local/server.ts';
import { bearer, getJson, uniqueName, useLocalApi, useTwoOwners } from './helpers.ts';

/** What every family's edge refuses, whatever the route: ill-formed text, smuggled fields, wrong media types and methods. */
const api = useLocalApi();
const owners = useTwoOwners();
const raw = (key: string, method: string, path: string, body: string, contentType = 'application/json') =>
  getJson(api.fetch(path, { method, headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body }));

describe('ill-formed Unicode', () => {
  it.each([
    ['check-consume', 'use', 'POST', '/v1/check-consume', '{"subject":"\\ud800","metric":"m","cost":1}', 'subject'],
    ['a metric', 'admin', 'POST', '/v1/metrics', '{"metric":"ok_metric","description":"a\\udc00b"}', 'description'],
    ['a key name', 'admin', 'POST', '/v1/keys', '{"name":"\\udbff"}', 'name'],
    ['an object key', 'admin', 'POST', '/v1/keys', '{"name":"x","\\ud800":1}', '\ud800'],
  ])('refuses a lone surrogate in %s with 400 validation_error naming the field', async (_, kind, method, path, body, field) => {
    const key = kind === 'use' ? owners.owner.useKey : owners.owner.adminKey;
    const response = await raw(key, method, path, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'validation_error', details: { [field]: `${field} must be well-formed Unicode text (no lone surrogates)` } } });
  });

  it('so two different lone surrogates can never name one subject', async () => {
    const keys = ['\\ud800', '\\ud801'].map((surrogate) => `{"subject":"s${surrogate}","metric":"m","cost":1}`);
    for (const body of keys) expect((await raw(owners.owner.useKey, 'POST', '/v1/check-consume', body)).status).toBe(400);
  });

  // An HTTP client cannot put a lone surrogate into a path or query string (UTF-8 decoding turns it
  // into U+FFFD), but the event is API Gateway's to build: the public families check it too.
  const invoke = async (entry: string, url: string, pathParameters: Record<string, string>) => {
    const { handler } = (await import(entry)) as { handler: (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2> };
    const event = toEvent({ method: 'GET', url, headers: [], body: Buffer.alloc(0), remoteAddress: '127.0.0.1', localPort: 3000 }, { routeKey: 'GET /test', pathParameters });
    return handler(event, lambdaContext({ id: 'edge' }, performance.now() + 10_000));
  };

  it.each([
    ['a CountAPI key', '../lambdas/countapi/hit.ts', { namespace: 'ns.example', key: 'k\ud800k' }, { error: 'key must be well-formed Unicode text (no lone surrogates)' }],
    ['a hit counter resource', '../lambdas/hits/hit.ts', { id: 'ns.example', resource: 'r\udc00r' }, { error: 'resource must be well-formed Unicode text (no lone surrogates)' }],
  ])('refuses a lone surrogate in %s with a 400 in the family shape', async (_, entry, pathParameters, body) => {
    const answer = await invoke(entry, '/x', pathParameters);
    expect({ status: answer.statusCode, body: JSON.parse(answer.body!) }).toEqual({ status: 400, body });
  });
});

describe('where request fields come from', () => {
  it('names a one-segment CountAPI counter by the path alone: ?namespace= cannot move it', async () => {
    const key = uniqueName();
    const response = await api.fetch(`/hit/${key}?namespace=victim.example`);
    expect(response.headers.get('x-path')).toBe(`default/${key}`);
    expect((await getJson(api.fetch(`/get/victim.example/${key}`))).status).toBe(404);
    expect((await getJson(api.fetch(`/get/default/${key}`))).body).toEqual({ value: 1 });
    expect((await api.fetch(`/hit/ns.example/${key}?namespace=victim.example&key=other`)).headers.get('x-path')).toBe(`ns.example/${key}`);
  });

  it('takes /v1 body fields only from the body, never from the query string', async () => {
    const created = await api.call(owners.owner.adminKey, 'POST', '/v1/keys?kind=admin&name=smuggled', { name: 'x' });
    expect(created).toMatchObject({ status: 201, body: { kind: 'use', name: 'x' } });
    const consumed = await api.call(owners.owner.useKey, 'POST', '/v1/check-consume?cost=1', { subject: 's', metric: 'm' });
    expect(consumed).toMatchObject({ status: 400, body: { error: { code: 'validation_error', details: { cost: expect.any(String) } } } });
  });

  it.each([
    ['text/plain', '{"name":"x"}'],
    ['application/x-www-form-urlencoded', 'name=x'],
    ['', '{"name":"x"}'],
  ])('answers 415 to a /v1 body sent as %j', async (contentType, body) => {
    const response = await raw(owners.owner.adminKey, 'POST', '/v1/keys', body, contentType);
    expect(response).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type', message: expect.stringContaining('application/json') } } });
  });

  it('accepts JSON with a charset or a +json media type', async () => {
    expect((await raw(owners.owner.adminKey, 'POST', '/v1/keys', '{"name":"x"}', 'application/json; charset=utf-8')).status).toBe(201);
    expect((await raw(owners.owner.adminKey, 'POST', '/v1/keys', '{"name":"x"}', 'application/merge-patch+json')).status).toBe(201);
  });
});

describe('methods and paths no route takes', () => {
  it.each([
    ['DELETE', '/v1/check-consume', 405, 'POST, OPTIONS', { error: { code: 'method_not_allowed', message: 'Method Not Allowed' } }],
    ['PUT', '/v1/metrics', 405, 'GET, POST, OPTIONS', { error: { code: 'method_not_allowed', message: 'Method Not Allowed' } }],
    ['POST', '/v1/counters/k', 405, 'GET, DELETE, OPTIONS', { error: { code: 'method_not_allowed', message: 'Method Not Allowed' } }],
    ['PUT', '/v1/misc/counter/n', 405, 'GET, POST, OPTIONS', { error: 'method_not_allowed', message: 'Method Not Allowed' }],
    ['POST', '/hit/ns.example/k', 405, 'GET, OPTIONS', { error: 'Method Not Allowed' }],
    ['GET', '/v1/nothing-here', 404, null, { error: { code: 'not_found', message: 'Not Found' } }],
    ['GET', '/v1', 404, null, { error: { code: 'not_found', message: 'Not Found' } }],
    ['GET', '/nothing/here/at/all', 404, null, { error: 'Not Found' }],
  ])('%s %s answers %i (Allow: %s) in the family shape', async (method, path, status, allow, body) => {
    const response = await api.fetch(path, bearer(owners.owner.adminKey, { method }));
    expect({ status: response.status, allow: response.headers.get('allow'), body: await response.json() }).toEqual({ status, allow, body });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('a trailing slash', () => {
  it.each([
    ['/console/', '../console'],
    ['/v1/metrics/?limit=1', '../metrics?limit=1'],
    ['/hits/ns.example/caf%C3%A9/', '../caf%C3%A9'],
  ])('GET %s is redirected to the route without it (%s)', async (path, location) => {
    const response = await api.fetch(path, { ...bearer(owners.owner.adminKey), redirect: 'manual' });
    expect({ status: response.status, location: response.headers.get('location') }).toEqual({ status: 308, location });
  });

  it('lands a browser typing /console/ on the console page', async () => {
    const response = await api.fetch('/console/');
    expect({ status: response.status, url: new URL(response.url).pathname, type: response.headers.get('content-type') }).toEqual({ status: 200, url: '/console', type: 'text/html; charset=utf-8' });
  });

  it('is no redirect where no route takes the path without it, nor for a POST', async () => {
    expect((await api.fetch('/nothing/here/', { redirect: 'manual' })).status).toBe(404);
    expect((await api.fetch('/v1/metrics/', { ...bearer(owners.owner.adminKey, { method: 'POST' }), redirect: 'manual' })).status).toBe(404);
  });
});
