import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { clock } from '../lambdas/shared/clock.ts';
import { routes } from '../lib/routes.ts';
import { startLocalApi } from '../lib/local/server.ts';
import { checkAgainstDocument } from './openapi-responses.ts';

/** fetch, with every answer checked against the OpenAPI document (test/openapi-responses.ts). */
const documentedFetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
  const response = await fetch(url, init);
  checkAgainstDocument({
    method: init.method ?? 'GET',
    url,
    status: response.status,
    contentType: response.headers.get('content-type'),
    retryAfter: response.headers.get('retry-after'),
    body: await response.clone().text(),
  });
  return response;
};

/** Serves the real route table on a free port for the current test file; returns a fetch bound to it. */
export const useLocalApi = () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  beforeAll(async () => {
    api = await startLocalApi({ routes, port: 0 });
  });
  afterAll(() => api.close());
  return {
    fetch: (path: string, init?: RequestInit) => documentedFetch(`${api.url}${path}`, init),
    /** A JSON request with `Authorization: Bearer <key>`, answered as `{status, headers, body}`. */
    call: (key: string, method: string, path: string, body?: unknown) => getJson(documentedFetch(`${api.url}${path}`, bearer(key, { method, body }))),
    get url() {
      return api.url;
    },
  };
};

/** Fetches and parses a JSON answer. */
export const getJson = async (request: Promise<Response>) => {
  const response = await request;
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
};

/** Fetches and reads an answer to its end, as text. */
export const getText = async (request: Promise<Response>): Promise<TextResponse> => {
  const response = await request;
  return { status: response.status, headers: response.headers, text: await response.text() };
};

/** Starts `count` requests at once (`request` gets each one's index) and waits for them all. */
export const parallel = <T>(count: number, request: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, index) => request(index)));

/** A counter name no other test uses. */
export const uniqueName = (prefix = 'k') => `${prefix}-${randomUUID().slice(0, 12)}`;

/** A fresh owner with an admin key and a use key, created the way the CLI bootstraps one; on a plan without caps unless the test needs some. */
export const createTestOwner = async (name = 'test-owner', plan = 'unlimited') => {
  const { createApiKey, createOwner } = await import('../lambdas/shared/api-keys.ts');
  const { documentClient } = await import('../lambdas/shared/dynamodb.ts');
  const { tableName } = await import('../lambdas/shared/table.ts');
  const nowMs = clock.now();
  const { owner, adminKey } = await createOwner(documentClient, tableName(), { name, plan, nowMs });
  const useKey = await createApiKey(documentClient, tableName(), { ownerId: owner.ownerId, kind: 'use', nowMs });
  return { ownerId: owner.ownerId, adminKey: adminKey.key, useKey: useKey.key, useKeyId: useKey.keyId };
};

/** JSON request with a Bearer key. */
export const bearer = (key: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): RequestInit => ({
  method: init.method ?? 'GET',
  headers: { authorization: `Bearer ${key}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
  ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
});

export type TestOwner = Awaited<ReturnType<typeof createTestOwner>>;

/** Two owners for the current test file: isolation tests use the same names under both. */
export const useTwoOwners = () => {
  const owners = {} as { owner: TestOwner; other: TestOwner };
  beforeAll(async () => {
    [owners.owner, owners.other] = await Promise.all([createTestOwner('a'), createTestOwner('b')]);
  });
  return owners;
};

export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A GET sent from the local address `sourceIp`, which the local server reports as the request's
 * `sourceIp`. On Linux all of 127.0.0.0/8 is loopback, so `127.0.0.N` act as distinct clients.
 */
export const getFrom = (url: string, sourceIp: string, headers: Record<string, string> = {}): Promise<TextResponse> =>
  new Promise((resolve, reject) => {
    request(url, { localAddress: sourceIp, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) responseHeaders.set(name, [value ?? ''].flat().join(', '));
        const answer = { status: response.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString('utf8') };
        try {
          const { status, text } = answer;
          checkAgainstDocument({ method: 'GET', url, status, contentType: responseHeaders.get('content-type'), retryAfter: responseHeaders.get('retry-after'), body: text });
          resolve(answer);
        } catch (error) {
          reject(error);
        }
      });
    })
      .on('error', reject)
      .end();
  });
