import { readActions, writeActions, type Route, type TableAction } from './routes.ts';

const httpMethods = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

export type HttpMethodName = (typeof httpMethods)[number];
export type ParsedRouteKey = { kind: 'default' } | { kind: 'path'; method: HttpMethodName; path: string };

const pathRouteKey = new RegExp(`^(${httpMethods.join('|')}) (/\\S*)$`);

/** API Gateway HTTP API route keys: `$default`, or `METHOD /path` with `{param}` / `{proxy+}` segments. */
export const parseRouteKey = (routeKey: string): ParsedRouteKey | undefined => {
  if (routeKey === '$default') return { kind: 'default' };
  const match = pathRouteKey.exec(routeKey);
  return match ? { kind: 'path', method: match[1] as HttpMethodName, path: match[2]! } : undefined;
};

export const isReadAction = (action: TableAction) => (readActions as readonly TableAction[]).includes(action);
const isWriteAction = (action: TableAction) => (writeActions as readonly TableAction[]).includes(action);

/**
 * Checks what TypeScript cannot: the route table must describe one function per id and one owner
 * per route key, and each route's declared `access` must match the permissions it would be granted.
 * Throws one Error listing every problem.
 */
export const validateRoutes = (routes: readonly Route[]): void => {
  const problems: string[] = [];
  const routeIds = new Set<string>();
  const routeKeyOwners = new Map<string, string>();

  for (const route of routes) {
    const name = `route '${route.id}'`;
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(route.id)) problems.push(`${name}: id must be kebab-case`);
    if (routeIds.has(route.id)) problems.push(`${name}: id is used by more than one route`);
    routeIds.add(route.id);

    if (route.routeKeys.length === 0) problems.push(`${name}: has no route keys`);
    for (const routeKey of route.routeKeys) {
      if (!parseRouteKey(routeKey)) problems.push(`${name}: '${routeKey}' is not an HTTP API route key ('$default' or 'METHOD /path')`);
      const owner = routeKeyOwners.get(routeKey);
      if (owner !== undefined) problems.push(`${name}: route key '${routeKey}' is already served by route '${owner}'`);
      routeKeyOwners.set(routeKey, route.id);
    }

    if (route.access === 'read') {
      const writes = route.tableActions.filter((action) => !isReadAction(action));
      if (writes.length > 0) problems.push(`${name}: access 'read' but tableActions include ${writes.join(', ')}`);
    }
    if (route.access === 'write' && !route.tableActions.some(isWriteAction)) {
      problems.push(`${name}: access 'write' but tableActions include no write action (declare it 'read')`);
    }
    if (route.access === 'none' && (route.tableActions.length > 0 || route.scopedWrites)) {
      problems.push(`${name}: access 'none' but it lists tableActions or scopedWrites`);
    }

    if (route.creates && route.access !== 'write') problems.push(`${name}: creates things but its access is '${route.access}', not 'write'`);

    if (route.scopedWrites) {
      // An empty prefix would turn the `dynamodb:LeadingKeys` condition into a grant on every item.
      if (route.scopedWrites.partitionKeyPrefix === '') problems.push(`${name}: scopedWrites needs a non-empty partitionKeyPrefix`);
      if (route.scopedWrites.actions.length === 0) problems.push(`${name}: scopedWrites lists no actions`);
    }
  }

  if (problems.length > 0) throw new Error(`Invalid route table (lib/routes.ts):\n  ${problems.join('\n  ')}`);
};
