import { randomUUID } from 'node:crypto';
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
