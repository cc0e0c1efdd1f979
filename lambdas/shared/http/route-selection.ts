/**
 * API Gateway's (HTTP API) route selection, for the local server (lib/local/api-gateway.ts) and for
 * the fallback route, which tells a wrong method (405, with the methods the path takes) from an
 * unknown path (404) by selecting as API Gateway would.
 */

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

/** Lower ranks are more specific: at the first segment where two routes differ, the lower rank wins. */
const segmentRank = { literal: 0, param: 1, greedy: 2 } as const;

interface CompiledRouteKey<R> {
  route: R;
  routeKey: string;
  method: (typeof methods)[number];
  segments: Segment[];
}

export interface RouteMatch<R> {
  route: R;
  /** The route key that matched, as the event's `routeKey` carries it. */
  routeKey: string;
  pathParameters?: Record<string, string>;
}

/** `decodeURIComponent`, but a malformed escape stays as sent instead of failing the request. */
export const decodeLeniently = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const parseSegment = (text: string): Segment => {
  const variable = /^\{([A-Za-z0-9_.:-]+)(\+?)\}$/.exec(text);
  if (!variable) return { kind: 'literal', value: text };
  return variable[2] ? { kind: 'greedy', name: variable[1] } : { kind: 'param', name: variable[1] };
};

const compileRouteKey = <R>(route: R, routeKey: string): CompiledRouteKey<R> => {
  const parsed = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  const method = parsed?.[1] as CompiledRouteKey<R>['method'] | undefined;
  if (!parsed || !method || !methods.includes(method)) throw new Error(`Invalid route key: ${routeKey}`);
  const segments = parsed[2].slice(1).split('/').map(parseSegment);
  if (segments.slice(0, -1).some((segment) => segment.kind === 'greedy')) {
    throw new Error(`Invalid route key: ${routeKey} (a greedy path variable must be the last segment)`);
  }
  return { route, routeKey, method, segments };
};

/** Two route keys API Gateway would refuse to hold together: same method, same path shape. */
const shapeOf = ({ method, segments }: CompiledRouteKey<unknown>) =>
  `${method} /${segments.map((segment) => (segment.kind === 'literal' ? segment.value : `{${segment.kind}}`)).join('/')}`;

const matchSegments = (segments: Segment[], requestSegments: string[]): Record<string, string> | undefined => {
  const pathParameters: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      const rest = requestSegments.slice(index).join('/');
      // A greedy variable catches one or more child resources: `/pets/{proxy+}` does not match `/pets`.
      if (rest === '') return undefined;
      pathParameters[segment.name] = rest;
      return pathParameters;
    }
    const requestSegment = requestSegments[index];
    if (requestSegment === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== requestSegment) return undefined;
    if (segment.kind === 'param') {
      if (requestSegment === '') return undefined;
      pathParameters[segment.name] = requestSegment;
    }
  }
  return segments.length === requestSegments.length ? pathParameters : undefined;
};

const compareSpecificity = (a: CompiledRouteKey<unknown>, b: CompiledRouteKey<unknown>): number => {
  for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index += 1) {
    const difference = segmentRank[a.segments[index].kind] - segmentRank[b.segments[index].kind];
    if (difference !== 0) return difference;
  }
  // Same path shape: a route for the request's own method beats `ANY`.
  return Number(a.method === 'ANY') - Number(b.method === 'ANY');
};

/**
 * Builds API Gateway's route selection over the routes' keys: the most specific match wins
 * (exact segments beat `{param}`, which beats `{greedy+}`; a specific method beats `ANY`), then
 * `$default`, else no match (API Gateway then answers 404 itself). Path parameters are decoded.
 */
export const createRouter = <R extends { routeKeys: readonly string[] }>(routes: readonly R[]) => {
  const compiled: CompiledRouteKey<R>[] = [];
  let defaultRoute: R | undefined;
  for (const route of routes) {
    for (const routeKey of route.routeKeys) {
      if (routeKey === '$default') {
        if (defaultRoute) throw new Error('Duplicate route key: $default');
        defaultRoute = route;
        continue;
      }
      const routeKeyCompiled = compileRouteKey(route, routeKey);
      if (compiled.some((other) => shapeOf(other) === shapeOf(routeKeyCompiled))) {
        throw new Error(`Duplicate route key: ${routeKey}`);
      }
      compiled.push(routeKeyCompiled);
    }
  }

  return (method: string, rawPath: string): RouteMatch<R> | undefined => {
    const requestSegments = rawPath.replace(/^\//, '').split('/').map(decodeLeniently);
    const candidates = compiled
      .filter((candidate) => candidate.method === 'ANY' || candidate.method === method)
      .map((candidate) => ({ candidate, pathParameters: matchSegments(candidate.segments, requestSegments) }))
      .filter((entry) => entry.pathParameters !== undefined)
      .sort((a, b) => compareSpecificity(a.candidate, b.candidate));
    const best = candidates[0];
    if (best) {
      const hasParameters = Object.keys(best.pathParameters ?? {}).length > 0;
      return { route: best.candidate.route, routeKey: best.candidate.routeKey, pathParameters: hasParameters ? best.pathParameters : undefined };
    }
    return defaultRoute ? { route: defaultRoute, routeKey: '$default' } : undefined;
  };
};
