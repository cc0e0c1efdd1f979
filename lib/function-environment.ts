import type { ConfigVariable } from '../lambdas/shared/config-schema.ts';
import packageJson from '../package.json' with { type: 'json' };
import type { IncrConfig } from './config.ts';
import { type Route, routes } from './routes.ts';

/** What a function's environment is made of besides the deploy configuration: where things are. */
export interface FunctionResources {
  /** A CloudFormation token in the stack. */
  tableName: string;
  /** In AWS the Secrets Manager secret's ARN; locally the key itself. */
  ipHashSecret: { arn: string } | { local: string };
  /** DynamoDB Local; only the local server has one. */
  dynamodbEndpoint?: string;
}

/** What the environment needs of a route: in AWS each route is a function of its own. */
export type FunctionRoute = Pick<Route, 'id' | 'readsIpHashSecret' | 'readsPlans' | 'readsRouteTable'>;

/** Every path of the route table with its methods, compact: a Lambda environment holds at most 4 KB. */
export const routeMethodsVariable = (): Pick<Record<ConfigVariable, string>, 'INCR_ROUTE_METHODS'> => {
  const methods: Record<string, string[]> = {};
  for (const routeKey of routes.filter((route) => !route.readsRouteTable).flatMap((route) => route.routeKeys)) {
    const [method, path] = routeKey.split(' ') as [string, string];
    (methods[path] ??= []).push(method);
  }
  return { INCR_ROUTE_METHODS: JSON.stringify(methods) };
};

/**
 * The environment of a function, in the variables lambdas/shared/config-schema.ts reads: what the
 * stack gives each function, and what the local server gives the one process that serves every
 * route (`route` undefined: the route id then comes from each invocation, and the plans and the
 * IP-hash key are there for whichever route needs them).
 */
export const functionEnvironment = (
  config: {
    stage: IncrConfig['stage'];
    corsOrigins: readonly string[];
    plans: IncrConfig['plans'];
    defaultPlan: IncrConfig['defaultPlan'];
    observability: Pick<IncrConfig['observability'], 'requestLog'>;
  },
  { tableName, ipHashSecret, dynamodbEndpoint }: FunctionResources,
  route?: FunctionRoute,
): Partial<Record<ConfigVariable, string>> => {
  // One process serving every route needs whatever any route needs.
  const serves = (needed: boolean | undefined) => route === undefined || needed === true;
  return {
    TABLE_NAME: tableName,
    ...(dynamodbEndpoint !== undefined && { DYNAMODB_ENDPOINT: dynamodbEndpoint }),
    POWERTOOLS_SERVICE_NAME: 'incr',
    INCR_VERSION: packageJson.version,
    INCR_STAGE: config.stage,
    ...(route && { ROUTE_ID: route.id }),
    CORS_ALLOWED_ORIGINS: config.corsOrigins.join(','),
    INCR_REQUEST_LOG_SAMPLE_RATE: String(config.observability.requestLog.sampleRate),
    INCR_SLOW_REQUEST_MS: String(config.observability.requestLog.slowMs),
    ...(serves(route?.readsIpHashSecret) && ('arn' in ipHashSecret ? { IP_HASH_SECRET_ARN: ipHashSecret.arn } : { IP_HASH_SECRET: ipHashSecret.local })),
    ...(serves(route?.readsPlans) && { INCR_PLANS: JSON.stringify(config.plans), INCR_DEFAULT_PLAN: config.defaultPlan }),
    ...(serves(route?.readsRouteTable) && routeMethodsVariable()),
  };
};
