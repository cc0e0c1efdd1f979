import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, DomainName, HttpStage, LogGroupLogDestination, type HttpApi, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { LogGroup, LogGroupClass } from 'aws-cdk-lib/aws-logs';
import type { IncrConfig } from './config.ts';

/**
 * API Gateway's access log line, as JSON. It names the route key, never the path or the query
 * string (they can carry names and keys), and leaves out the source IP and the user agent:
 * addresses are never logged raw (see docs/operations.md, "Logs"). Every value is quoted because
 * API Gateway writes `-` for a value it does not have, which would break a bare JSON number.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
  domainName: '$context.domainName',
};

export interface DefaultStageProps {
  config: Pick<IncrConfig, 'stage' | 'logRetention' | 'throttle' | 'customDomain' | 'observability'>;
}

/**
 * The API's `$default` stage: stage-wide throttling, JSON access logs with the configured
 * retention when `incr:accessLogs` is on, and the optional custom domain. Created as `DefaultStage` under the API, the path
 * HttpApi gives its own default stage, so that this stage never gets replaced (a replacement
 * would create a second `$default` stage first, which API Gateway refuses).
 */
export const createDefaultStage = (api: HttpApi, { config }: DefaultStageProps) => {
  const { accessLogs: logged, accessLogClass } = config.observability;
  // Kept while the access logs are off, so that turning them off keeps what was logged until its
  // retention ends; an empty log group costs nothing. A log group's class cannot change, so each
  // class has its own name, and switching creates the other group instead of failing the update.
  const infrequentAccess = accessLogClass === LogGroupClass.INFREQUENT_ACCESS;
  const accessLogs = new LogGroup(api, infrequentAccess ? 'AccessLogsInfrequentAccess' : 'AccessLogs', {
    logGroupName: `/incr/${config.stage}/api-access${infrequentAccess ? '-ia' : ''}`,
    retention: config.logRetention,
    logGroupClass: accessLogClass,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const domainName = config.customDomain
    ? new DomainName(api, 'CustomDomain', {
        domainName: config.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(api, 'Certificate', config.customDomain.certificateArn),
      })
    : undefined;
  const stage = new HttpStage(api, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    throttle: config.throttle,
    ...(logged && {
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(JSON.stringify(accessLogFields)) },
    }),
    ...(domainName && { domainMapping: { domainName } }),
  });
  if (!logged) {
    Validations.of(stage).acknowledge({
      id: 'AwsSolutions-APIG1',
      reason:
        'Access logs are a deploy setting (incr:accessLogs, or incr:debug), off by default: a line per request costs about ' +
        '$0.21 per million requests, a fifth of the API itself, and HTTP APIs cannot sample them. API Gateway metrics (count, ' +
        '4xx, 5xx, latency) still feed the dashboard and the alarms, and the functions log every 5xx and slow request.',
    });
  }
  return { stage, accessLogs, domainName };
};

/**
 * Throttles each route of `routes` at `throttle`, in addition to the stage's limit. API Gateway
 * only accepts settings for routes that already exist, so the stage waits for them.
 */
export const throttleRoutes = (
  stage: HttpStage,
  routes: readonly { routeKey: string; route: HttpRoute }[],
  throttle: IncrConfig['createThrottle'],
) => {
  if (routes.length === 0) return;
  const cfnStage = stage.node.defaultChild as CfnStage;
  // A map from route key to settings, which CDK passes through as is: CloudFormation's own casing.
  cfnStage.routeSettings = Object.fromEntries(
    routes.map(({ routeKey }) => [routeKey, { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit }]),
  );
  for (const { route } of routes) stage.node.addDependency(route);
};
