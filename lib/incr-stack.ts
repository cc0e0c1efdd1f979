import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { keyPrefixes, type KeyPrefix } from '../lambdas/shared/keys.ts';
import { table as tableSchema } from '../lambdas/shared/table-keys.ts';
import { IncrAlarms, type RouteFunction } from './alarms.ts';
import { createDefaultStage, throttleRoutes } from './api-stage.ts';
import type { IncrConfig } from './config.ts';
import { IncrDashboard } from './dashboard.ts';
import { IncrFunction } from './incr-function.ts';
import { routes, type Route, type TableAction } from './routes.ts';
import { isReadAction, parseRouteKey, validateRoutes } from './validate-routes.ts';

/** One IAM grant: these actions, on the table's items whose partition key starts with one of these prefixes. */
export interface TableGrant {
  actions: TableAction[];
  prefixes: KeyPrefix[];
}

/**
 * What `route` may do to the table: each action of the route table only on the partition-key
 * prefixes it declares (read actions on `keyPrefixes.read`, write actions on `keyPrefixes.write`),
 * its scoped writes on their prefix, and a keyed route's GetItem also on the API-key lookups.
 * Actions with the same prefixes share a grant. Every action the handlers send (GetItem,
 * BatchGetItem, Query, PutItem, UpdateItem, DeleteItem, BatchWriteItem, and the items of a
 * TransactWriteItems as PutItem/UpdateItem/DeleteItem/ConditionCheckItem) is authorized per key,
 * which is what makes `dynamodb:LeadingKeys` hold for all of them (Scan would not be: no handler scans).
 */
export const tableGrants = (route: Route): TableGrant[] => {
  const prefixesOf = new Map<TableAction, Set<KeyPrefix>>();
  const grant = (action: TableAction, prefixes: readonly KeyPrefix[]) => {
    const granted = prefixesOf.get(action) ?? new Set();
    for (const prefix of prefixes) granted.add(prefix);
    prefixesOf.set(action, granted);
  };
  for (const action of route.tableActions) grant(action, (isReadAction(action) ? route.keyPrefixes?.read : route.keyPrefixes?.write) ?? []);
  if (route.scopedWrites) for (const action of route.scopedWrites.actions) grant(action, [route.scopedWrites.partitionKeyPrefix as KeyPrefix]);
  if (route.apiKey) grant('GetItem', [keyPrefixes.apiKeyLookup]);

  const declared = [...(route.keyPrefixes?.read ?? []), ...(route.keyPrefixes?.write ?? [])];
  const unused = declared.filter((prefix) => ![...prefixesOf.values()].some((prefixes) => prefixes.has(prefix)));
  if (unused.length > 0) throw new Error(`route ${route.id}: no action of tableActions uses keyPrefixes ${unused.join(', ')}`);

  const grants = new Map<string, TableGrant>();
  for (const [action, prefixes] of prefixesOf) {
    // A listed action without prefixes would silently be denied in AWS (DynamoDB Local never checks).
    if (prefixes.size === 0) throw new Error(`route ${route.id}: ${action} has no keyPrefixes to act on`);
    const sorted = [...prefixes].sort();
    const existing = grants.get(sorted.join(' '));
    if (existing) existing.actions.push(action);
    else grants.set(sorted.join(' '), { actions: [action], prefixes: sorted });
  }
  return [...grants.values()];
};

/** The route's table grants as IAM statements, on the table itself (no index ARNs: no handler queries an index). */
export const tablePolicyStatements = (route: Route, tableArn: string): PolicyStatement[] =>
  tableGrants(route).map(
    ({ actions, prefixes }) =>
      new PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((prefix) => `${prefix}*`) } },
      }),
  );

const httpRouteKey = (routeKey: string): HttpRouteKey => {
  const parsed = parseRouteKey(routeKey);
  if (!parsed) throw new Error(`'${routeKey}' is not an HTTP API route key`);
  return parsed.kind === 'default' ? HttpRouteKey.DEFAULT : HttpRouteKey.with(parsed.path, HttpMethod[parsed.method]);
};

/** cdk-nag's AwsSolutions-APIG4 asks every route for an API Gateway authorizer; why each has none. */
const whyNoAuthorizer = (route: Route, routeKey: string): string =>
  route.apiKey
    ? `${routeKey} (${route.id}) requires ${route.apiKey === 'any' ? "a 'use' or an 'admin'" : `a '${route.apiKey}'`} API key, which the function checks against the key's hash ` +
      'in the table (lambdas/shared/authenticate.ts) before doing anything else; an API Gateway Lambda authorizer would ' +
      'repeat that lookup in a second invocation per request, doubling the Lambda cost and adding its latency.'
    : `${routeKey} (${route.id}) is public by design, anonymous like the public counter services Incr replaces ` +
      '(CountAPI-compatible counters, hit tracking, health, CORS preflights, the 404 fallback): there is no caller ' +
      'identity to check. Abuse is bounded by API Gateway throttling (incr:throttle*, stricter on creation routes) and ' +
      'by the per-client limits of the routes themselves.';

export interface IncrStackProps extends StackProps {
  config: IncrConfig;
}

export class IncrStack extends Stack {
  constructor(scope: Construct, id: string, { config, ...stackProps }: IncrStackProps) {
    super(scope, id, { description: `Incr counters as a service (stage ${config.stage})`, ...stackProps });
    validateRoutes(routes);

    const table = new TableV2(this, 'Table', {
      partitionKey: { name: tableSchema.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableSchema.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      timeToLiveAttribute: tableSchema.expiresAt,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: config.tableRemovalPolicy,
    });

    const ipHashSecret = new Secret(this, 'IpHashSecret', {
      description: `Incr ${config.stage}: HMAC key for hashing client IP addresses`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // The IP hashes stored in the table are only comparable under this key: keep it with the data.
      removalPolicy: config.tableRemovalPolicy,
    });
    Validations.of(ipHashSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'This is not a credential but the HMAC key under which client IP addresses are hashed; the hashes stored in the ' +
        'table (rate-limit windows, unique visitors) are only comparable under one key, so rotating it would silently ' +
        'reset every per-client limit and count. It never leaves AWS: only the function that hashes IPs may read it.',
    });

    // No API-level CORS: API Gateway would answer preflights itself and drop the CORS headers the
    // functions set; the fallback route answers `OPTIONS /{proxy+}` instead.
    const api = new HttpApi(this, 'Api', { apiName: `incr-${config.stage}`, createDefaultStage: false });
    const { stage, domainName } = createDefaultStage(api, { config });

    const routeFunctions: RouteFunction[] = [];
    const creationRoutes: { routeKey: string; route: HttpRoute }[] = [];
    for (const route of routes) {
      const { function: handler } = new IncrFunction(this, route.id, {
        route,
        stage: config.stage,
        logRetention: config.logRetention,
        table,
        ipHashSecret,
        corsOrigins: config.corsOrigins,
        plans: config.plans,
        observability: config.observability,
        defaultPlan: config.defaultPlan,
      });
      for (const statement of tablePolicyStatements(route, table.tableArn)) handler.addToRolePolicy(statement);
      if (route.readsIpHashSecret) ipHashSecret.grantRead(handler);
      routeFunctions.push({ route, function: handler });

      const integration = new HttpLambdaIntegration(`${route.id}-integration`, handler, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      });
      // Named by the route key, so reordering the route table never replaces a route (replacing one
      // would create the new route before deleting the old, and API Gateway rejects the duplicate key).
      for (const routeKey of route.routeKeys) {
        const httpRoute = new HttpRoute(api, routeKey, { httpApi: api, routeKey: httpRouteKey(routeKey), integration });
        Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason: whyNoAuthorizer(route, routeKey) });
        if (route.creates) creationRoutes.push({ routeKey, route: httpRoute });
      }
    }
    throttleRoutes(stage, creationRoutes, config.createThrottle);

    const { alarms, topic } = new IncrAlarms(this, 'Alarms', {
      stage: config.stage,
      api,
      table,
      routeFunctions,
      alarmEmail: config.alarmEmail,
    });
    new IncrDashboard(this, 'Dashboard', { stage: config.stage, api, table, routeFunctions, alarms });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint, description: 'Base URL of the HTTP API' });
    if (domainName && config.customDomain) {
      new CfnOutput(this, 'CustomDomainUrl', { value: `https://${config.customDomain.domainName}`, description: 'Base URL on the custom domain' });
      new CfnOutput(this, 'CustomDomainTarget', {
        value: domainName.regionalDomainName,
        description: 'Point a CNAME (or an alias record) for the custom domain at this name',
      });
    }
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'IpHashSecretArn', { value: ipHashSecret.secretArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: topic.topicArn, description: 'SNS topic every alarm notifies' });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://${this.region}.console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards/dashboard/incr-${config.stage}`,
    });
  }
}
