import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { contracts } from '../lambdas/contracts.ts';
import { buildOpenApiDocument } from '../lambdas/openapi/document.ts';
import type { RouteContract } from '../lambdas/shared/http/contract.ts';
import { routes } from '../lib/routes.ts';
import { useLocalApi } from './helpers.ts';
import { checkAgainstDocument } from './openapi-responses.ts';

/** The OpenAPI document: valid, complete, served with its ETag; the suite checks every answer against it (test/openapi-responses.ts). */
const api = useLocalApi();
const document = buildOpenApiDocument({ version: 'test' });

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    console.log(`OpenAPI document: ${Object.keys(document.paths).length} paths, ${JSON.stringify(document).length} bytes`);
  });

  it('documents exactly the routes of the route table', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const served = routes.filter((route) => route.contract).flatMap((route) => route.routeKeys);
    expect(documented.sort()).toEqual(served.sort());
  });

  it('documents the security of every keyed route, and the headers clients rely on', () => {
    const checkConsume = document.paths['/v1/check-consume']!.post as { security: unknown; parameters: { name: string; in: string }[]; responses: Record<string, { headers?: object }> };
    expect(checkConsume.security).toEqual([{ useKey: [] }]);
    expect(checkConsume.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(checkConsume.responses['503']!.headers).toHaveProperty('Retry-After');
    expect((document.paths['/v1/misc/counter/{namespace}']!.post as { security: unknown }).security).toEqual([{ requiemsApiKey: [] }, { useKey: [] }]);
    expect((document.paths['/v1/keys']!.post as { security: unknown }).security).toEqual([{ adminKey: [] }]);
    // Either key reads usage: alternatives, and no wrong kind to answer 403 for.
    const usage = document.paths['/v1/usage']!.get as { security: unknown; responses: Record<string, unknown> };
    expect(usage.security).toEqual([{ useKey: [] }, { adminKey: [] }]);
    expect(Object.keys(usage.responses)).toContain('401');
    expect(Object.keys(usage.responses)).not.toContain('403');
    expect(Object.keys(checkConsume.responses)).toContain('403');
    expect((document.paths['/hit/{namespace}/{key}']!.get as { responses: Record<string, { headers?: object }> }).responses['200']!.headers).toHaveProperty('X-Path');
  });

  const everyContract = Object.values(contracts).flatMap((family) => Object.values(family) as RouteContract[]);

  it('carries the documented examples, each valid for the schema it illustrates', () => {
    const withExamples = everyContract.filter((contract) => contract.examples);
    expect(withExamples.length).toBeGreaterThanOrEqual(10);
    for (const { routeKeys, request, responses, examples } of withExamples) {
      if (examples!.request) expect(request.safeParse(examples!.request).error, routeKeys[0]).toBeUndefined();
      for (const [status, example] of Object.entries(examples!.responses ?? {})) {
        expect(responses[Number(status)]!.safeParse(example).error, `${routeKeys[0]} ${status}`).toBeUndefined();
      }
    }
    const checkConsume = document.paths['/v1/check-consume']!.post as { requestBody: { content: Record<string, { example: unknown }> } };
    expect(checkConsume.requestBody.content['application/json']!.example).toEqual({ subject: 'user_123', metric: 'ai_tokens', cost: 1452 });
  });

  it('is served at GET /openapi.json, cacheable, with an ETag that answers 304', async () => {
    const response = await api.fetch('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const served = (await response.json()) as typeof document;
    expect({ ...served, info: { ...served.info, version: 'test' } }).toEqual(document);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await api.fetch('/openapi.json', { headers: { 'if-none-match': etag } });
    expect({ status: again.status, body: await again.text(), etag: again.headers.get('etag') }).toEqual({ status: 304, body: '', etag });
  });
});

describe('the check of every answer against the document', () => {
  const answer = { method: 'GET', url: 'http://127.0.0.1/v1/usage', contentType: 'application/json; charset=utf-8', retryAfter: null };
  it('refuses an undeclared status, a body the schema does not describe, a missing Retry-After, an undeclared media type', () => {
    expect(() => checkAgainstDocument({ ...answer, status: 418, body: '{}' })).toThrow(/a status the OpenAPI document does not declare/);
    expect(() => checkAgainstDocument({ ...answer, status: 200, body: '{"subject":"s"}' })).toThrow(/a body the document does not describe/);
    expect(() => checkAgainstDocument({ ...answer, status: 503, body: '{"error":{"code":"service_unavailable","message":"m"}}' })).toThrow(/Retry-After/);
    expect(() => checkAgainstDocument({ ...answer, status: 400, contentType: 'text/html', body: '<p>' })).toThrow(/as text\/html/);
  });

  it('accepts what the route documents, and leaves paths no route takes alone', () => {
    const body = JSON.stringify({ subject: 's', metric: 'm', current: 1, limit: 5, remaining: 4, window: 'day' });
    expect(() => checkAgainstDocument({ ...answer, status: 200, body })).not.toThrow();
    expect(() => checkAgainstDocument({ ...answer, url: 'http://127.0.0.1/no/such/route', status: 404, body: '{}' })).not.toThrow();
  });
});
