import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { table as tableSchema } from '../lambdas/shared/table.ts';
import type { IncrConfig } from './config.ts';
import { IncrFunction } from './incr-function.ts';
import { apiKeyLookupKeyPrefix, routes, type Route } from './routes.ts';
import { parseRouteKey, validateRoutes } from './validate-routes.ts';

/**
 * Exactly the DynamoDB actions the route table lists for `route`, on the table itself (no index
 * ARNs: no handler queries an index). Actions limited to a partition-key prefix (statistics
 * shards, API-key lookups) get statements of their own, so a condition cannot leak onto the
 * route's unrestricted actions.
 */
export const tablePolicyStatements = (route: Route, tableArn: string): PolicyStatement[] => {
  const statements: PolicyStatement[] = [];
  if (route.tableActions.length > 0) {
    statements.push(new PolicyStatement({ actions: route.tableActions.map((action) => `dynamodb:${action}`), resources: [tableArn] }));
  }
  if (route.scopedWrites) {
    statements.push(
      new PolicyStatement({
        actions: route.scopedWrites.actions.map((action) => `dynamodb:${action}`),
        resources: [tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${route.scopedWrites.partitionKeyPrefix}*`] } },
      }),
    );
  }
  if (route.apiKey) {
    statements.push(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${apiKeyLookupKeyPrefix}*`] } },
      }),
    );
  }
  return statements;
};

const httpRouteKey = (routeKey: string): HttpRouteKey => {
  const parsed = parseRouteKey(routeKey);
  if (!parsed) throw new Error(`'${routeKey}' is not an HTTP API route key`);
  return parsed.kind === 'default' ? HttpRouteKey.DEFAULT : HttpRouteKey.with(parsed.path, HttpMethod[parsed.method]);
};

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

    // No API-level CORS: API Gateway would answer preflights itself and drop the CORS headers the
    // functions set; the fallback route answers `OPTIONS /{proxy+}` instead.
    const api = new HttpApi(this, 'Api', { apiName: `incr-${config.stage}`, createDefaultStage: true });

    for (const route of routes) {
      const { function: handler } = new IncrFunction(this, route.id, {
        route,
        stage: config.stage,
        logRetention: config.logRetention,
        table,
        ipHashSecret,
      });
      for (const statement of tablePolicyStatements(route, table.tableArn)) handler.addToRolePolicy(statement);
      if (route.readsIpHashSecret) ipHashSecret.grantRead(handler);

      const integration = new HttpLambdaIntegration(`${route.id}-integration`, handler, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      });
      // Named by the route key, so reordering the route table never replaces a route (replacing one
      // would create the new route before deleting the old, and API Gateway rejects the duplicate key).
      for (const routeKey of route.routeKeys) {
        new HttpRoute(api, routeKey, { httpApi: api, routeKey: httpRouteKey(routeKey), integration });
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'IpHashSecretArn', { value: ipHashSecret.secretArn });
  }
}
