import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/routes.ts';
import { type Resource, synthesize } from './synth.ts';

describe('IncrStack (default configuration)', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesize();
  });

  it('routes exactly the route keys of the route table, each to its own route function', () => {
    const apiRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const functions = template.findResources('AWS::Lambda::Function');

    const routedFunctionNames = new Map(
      apiRoutes.map(({ Properties: { RouteKey, Target } }) => {
        const integrationId = Target['Fn::Join'][1][1].Ref;
        const integration = (integrations[integrationId] as Resource).Properties;
        expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
        const functionId = integration.IntegrationUri['Fn::GetAtt'][0];
        return [RouteKey as string, (functions[functionId] as Resource).Properties.FunctionName as string];
      }),
    );

    expect(apiRoutes).toHaveLength(routedFunctionNames.size);
    expect(routedFunctionNames).toEqual(
      new Map(routes.flatMap((route) => route.routeKeys.map((routeKey) => [routeKey, `incr-prod-${route.id}`]))),
    );
  });

  it("serves the site's pages and their assets, each from its own function", () => {
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((route) => (route as Resource).Properties.RouteKey);
    expect(routeKeys).toEqual(expect.arrayContaining(['GET /', 'GET /embed', 'GET /console', 'GET /assets/{file}', 'GET /docs']));
    for (const id of ['landing', 'embed-builder', 'console', 'site-assets']) template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: `incr-prod-${id}` });
  });

  it('routes GET /console to the console function, whose handler answers the page with its headers', async () => {
    const resources = template.toJSON().Resources as Record<string, Resource>;
    const route = Object.values(resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Route' && resource.Properties.RouteKey === 'GET /console')!;
    const integration = resources[route.Properties.Target['Fn::Join'][1][1].Ref]!;
    const functionName = resources[integration.Properties.IntegrationUri['Fn::GetAtt'][0]]!.Properties.FunctionName as string;
    expect(functionName).toBe('incr-prod-console');
    // The function is bundled from the route table's entry: that module answers what the deployed function does.
    const { entry } = routes.find((candidate) => `incr-prod-${candidate.id}` === functionName)!;
    const { handler } = (await import(`../../${entry}`)) as { handler: (event: unknown, context: unknown, callback: unknown) => Promise<{ statusCode: number; headers: Record<string, string> }> };
    const event = { version: '2.0', routeKey: 'GET /console', rawPath: '/console', rawQueryString: '', headers: {}, requestContext: { domainName: 'example.com', http: { method: 'GET', path: '/console', sourceIp: '192.0.2.1' }, requestId: 'r', routeKey: 'GET /console', stage: '$default', timeEpoch: 0 }, isBase64Encoded: false };
    const { statusCode, headers } = await handler(event, {}, () => {});
    expect(statusCode).toBe(200);
    expect(headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' });
    expect(headers['Content-Security-Policy']).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/);
  });

  it('leaves CORS to the functions (no API-level CORS configuration)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true });
  });

  it('throttles the stage, and the creation routes of the route table more strictly', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as (Resource & { DependsOn: string[] })[];
    expect(stage!.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 });
    const creationRouteKeys = routes.filter((route) => route.creates).flatMap((route) => route.routeKeys);
    expect(creationRouteKeys.length).toBeGreaterThan(0);
    expect(stage!.Properties.RouteSettings).toEqual(
      Object.fromEntries(creationRouteKeys.map((routeKey) => [routeKey, { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }])),
    );
    // API Gateway refuses settings for a route that does not exist yet.
    const apiRoutes = template.findResources('AWS::ApiGatewayV2::Route');
    for (const routeKey of creationRouteKeys) {
      const routeId = Object.keys(apiRoutes).find((id) => (apiRoutes[id] as Resource).Properties.RouteKey === routeKey)!;
      expect(stage!.DependsOn).toContain(routeId);
    }
  });

  it('writes JSON access logs without source IP, path, query string or user agent, when they are on', () => {
    const template = synthesize({ 'incr:accessLogs': 'on' });
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as Resource[];
    const { DestinationArn, Format } = stage!.Properties.AccessLogSettings;
    const fields = JSON.parse(Format) as Record<string, string>;
    expect(fields).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    for (const leaky of ['sourceIp', 'path', 'userAgent', 'queryString', 'authorizer']) expect(Format).not.toContain(leaky);
    expect(template.findResources('AWS::Logs::LogGroup')[DestinationArn['Fn::GetAtt'][0]]).toMatchObject({
      Properties: { RetentionInDays: 30 },
    });
  });
});
