import { describe, expect, it, vi } from 'vitest';
import { parseAllowedOrigins } from '../lambdas/shared/config-schema.ts';
import { corsAllowOrigin } from '../lambdas/shared/cors.ts';
import { uniqueName, useLocalApi } from './helpers.ts';

// As the stack sets it from `incr:corsOrigins`, before the functions load.
vi.hoisted(() => {
  process.env.CORS_ALLOWED_ORIGINS = 'https://app.example.com,http://localhost:5173';
});

const api = useLocalApi();

describe('CORS with a list of allowed origins', () => {
  it('echoes an allowed Origin on every family\'s answers, errors and preflights, with Vary: Origin', async () => {
    const origin = { Origin: 'https://app.example.com' };
    for (const response of [
      await api.fetch(`/hit/${uniqueName()}`, { headers: origin }),
      await api.fetch('/get/x', { headers: origin }),
      await api.fetch('/no/such/path', { headers: origin }),
      await api.fetch(`/hits/${uniqueName()}/home`, { headers: origin }),
      await api.fetch('/health', { headers: origin }),
      await api.fetch('/v1/counters/x', { headers: origin }), // 401: no key
      await api.fetch('/hit/anything', { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'GET' } }),
    ]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(response.headers.get('vary')).toBe('Origin');
    }
  });

  it('gives any other origin no Access-Control-Allow-Origin, so browsers withhold the answer', async () => {
    for (const headers of [{ Origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      for (const path of [`/hit/${uniqueName()}`, `/hits/${uniqueName()}/home`, '/health']) {
        const response = await api.fetch(path, { headers });
        expect(response.status).toBe(200); // the request itself is served: CORS only governs who may read it
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('vary')).toBe('Origin');
      }
      const preflight = await api.fetch('/hit/anything', { method: 'OPTIONS', headers });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('corsAllowOrigin', () => {
  it('allows every origin with "*" (the default), as CountAPI does', () => {
    const allow = corsAllowOrigin(parseAllowedOrigins(undefined));
    expect(allow('https://anyone.example')).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(allow(undefined)).toEqual({ 'Access-Control-Allow-Origin': '*' });
  });

  it('matches origins exactly: scheme, host and port', () => {
    const allow = corsAllowOrigin(parseAllowedOrigins('https://app.example.com'));
    for (const origin of ['http://app.example.com', 'https://app.example.com:8443', 'https://app.example.com.evil.example']) {
      expect(allow(origin)).toEqual({ Vary: 'Origin' });
    }
  });
});
