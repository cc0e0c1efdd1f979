import { describe, expect, it } from 'vitest';
import { routes } from '../../lib/routes.ts';
import { validateRoutes } from '../../lib/validate-routes.ts';

describe('validateRoutes', () => {
  const readRoute = routes.find((route) => route.access === 'read')!;
  const noneRoute = routes.find((route) => route.access === 'none')!;

  it('accepts the route table', () => {
    expect(() => validateRoutes(routes)).not.toThrow();
  });

  it('rejects a read route with a write action', () => {
    expect(() => validateRoutes([{ ...readRoute, tableActions: ['GetItem', 'PutItem'] }])).toThrow(/'read'.*PutItem/);
  });

  it("rejects table access on a 'none' route", () => {
    expect(() => validateRoutes([{ ...noneRoute, tableActions: ['GetItem'] }])).toThrow(/'none'/);
  });

  it('rejects duplicate ids and route keys', () => {
    expect(() => validateRoutes([readRoute, readRoute])).toThrow(/used by more than one route/);
    expect(() => validateRoutes([readRoute, { ...noneRoute, routeKeys: [readRoute.routeKeys[0]!] }])).toThrow(/already served by/);
  });

  it('rejects a creation route that does not write', () => {
    expect(() => validateRoutes([{ ...readRoute, creates: true }])).toThrow(/creates things but its access is 'read'/);
  });

  it('rejects a scopedWrites prefix that would match every item', () => {
    expect(() => validateRoutes([{ ...readRoute, scopedWrites: { actions: ['UpdateItem'], partitionKeyPrefix: '' } }])).toThrow(
      /partitionKeyPrefix/,
    );
  });
});
