import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { routes } from '../lib/routes.ts';

/** The route table takes every route's keys and auth from its contract, and stays cheap to load. */
const contracted = routes.filter((route) => route.id !== 'fallback');

describe('the route table', () => {
  it('gives every route but the fallback a contract, and takes its route keys and key kind from it', () => {
    for (const route of contracted) {
      expect(route.contract, route.id).toBeDefined();
      expect(route.routeKeys).toEqual([...route.contract!.routeKeys]);
      expect(route.apiKey).toBe(route.contract!.auth === 'none' ? undefined : route.contract!.auth);
    }
  });

  it('puts each family under its own paths and declares at least one answer', () => {
    const familyOf = (path: string) =>
      path.startsWith('/v1/misc/') ? 'requiems' : path.startsWith('/v1/') || path === '/health' ? 'v1' : path.startsWith('/hits') ? 'hits' : path === '/openapi.json' || path.startsWith('/docs') || ['/', '/embed', '/console'].includes(path) || path.startsWith('/assets/') ? 'site' : 'countapi';
    for (const route of contracted) {
      for (const routeKey of route.routeKeys) expect(route.contract!.family, routeKey).toBe(familyOf(routeKey.split(' ')[1]!));
      expect(Object.keys(route.contract!.responses).some((status) => status.startsWith('2')), route.id).toBe(true);
    }
  });

  it('loads without evaluating any function configuration (the CDK app and the CLI import it)', async () => {
    // A malformed function variable would stop every module that reads the configuration when it loads.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', "await import('./lib/routes.ts'); console.log('loaded')"], {
      env: { ...process.env, INCR_PLANS: 'not json' },
    });
    expect(stdout.trim()).toBe('loaded');
  });
});
