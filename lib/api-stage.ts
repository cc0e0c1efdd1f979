import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, DomainName, HttpStage, LogGroupLogDestination, type HttpApi, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
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
  config: Pick<IncrConfig, 'stage' | 'logRetention' | 'throttle' | 'customDomain'>;
}

/**
 * The API's `$default` stage: stage-wide throttling, JSON access logs with the configured
 * retention, and the optional custom domain. Created as `DefaultStage` under the API, the path
 * HttpApi gives its own default stage, so that this stage never gets replaced (a replacement
 * would create a second `$default` stage first, which API Gateway refuses).
 */
export const createDefaultStage = (api: HttpApi, { config }: DefaultStageProps) => {
  const accessLogs = new LogGroup(api, 'AccessLogs', {
    logGroupName: `/incr/${config.stage}/api-access`,
    retention: config.logRetention,
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
    accessLogSettings: {
      destination: new LogGroupLogDestination(accessLogs),
      format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
    },
    ...(domainName && { domainMapping: { domainName } }),
  });
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
