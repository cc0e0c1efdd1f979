import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { routes } from '../lib/routes.ts';
import { startLocalApi } from '../lib/local/server.ts';

/** Serves the real route table on a free port for the current test file; returns a fetch bound to it. */
export const useLocalApi = () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  beforeAll(async () => {
    api = await startLocalApi({ routes, port: 0 });
  });
  afterAll(() => api.close());
  return {
    fetch: (path: string, init?: RequestInit) => fetch(`${api.url}${path}`, init),
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

/** A counter name no other test uses. */
export const uniqueName = (prefix = 'k') => `${prefix}-${randomUUID().slice(0, 12)}`;

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
        resolve({ status: response.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
      });
    })
      .on('error', reject)
      .end();
  });
