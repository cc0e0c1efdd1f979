import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { clock } from './clock.ts';
import { config } from './config.ts';
import { allowOriginHeaders } from './cors.ts';
import { logger } from './logger.ts';
import { containerMetrics } from './metrics.ts';

/**
 * What every Incr function does around its handler, whatever its family: CORS as the deployment
 * configures it, a structured log line for the requests worth one, and the container's business
 * metrics printed as EMF when they are due. Every route's `handler` export is wrapped in it
 * (test/observability.test.ts checks each route of the route table). A wrapper rather than a middy
 * middleware on purpose: a middleware that answers early from `before` (a cache, an idempotency
 * replay) makes middy skip every `after`, and that request would go unlogged and its metrics unpublished.
 *
 * The request line holds the route, the method, the route key (never the raw path, query string,
 * headers or source IP: those can carry API keys, personal data and addresses), the status, the
 * duration and API Gateway's request id (the `apigw-requestid` header the client saw).
 */

/**
 * Which requests get a line (docs/cost.md): every 5xx (a failure of ours, DynamoDB trouble
 * included) and every slow one, at WARN; of the rest a random `sampleRate` share, at INFO, enough
 * for Logs Insights to show routes, statuses and durations. 4xx answers are sampled like 2xx: they
 * are the caller's mistake, counted by the API's 4xx metric, and logging each one would let any
 * anonymous client run up the log bill. Public so that tests can change it.
 */
export const requestLog = { ...config.requestLog };

const whyLogged = (status: number, durationMs: number): 'error' | 'slow' | 'sampled' | undefined => {
  if (status >= 500) return 'error';
  if (durationMs >= requestLog.slowMs) return 'slow';
  return Math.random() < requestLog.sampleRate ? 'sampled' : undefined;
};

type HttpHandler<Result extends APIGatewayProxyResultV2> = (event: APIGatewayProxyEventV2, context: Context) => Promise<Result>;

/**
 * The stack sets ROUTE_ID per function; the local server runs every route in one process and
 * names each invocation's function by its route id instead.
 */
const routeOf = (context: Context) => config.routeId ?? context.functionName;

const isStructured = (result: APIGatewayProxyResultV2): result is APIGatewayProxyStructuredResultV2 =>
  typeof result === 'object' && result !== null && 'statusCode' in result && typeof result.statusCode === 'number';

/** A bare object is a 200 JSON answer to API Gateway (payload format 2.0). */
const statusOf = (result: APIGatewayProxyResultV2): number => (isStructured(result) ? result.statusCode! : 200);

/** The deployment's CORS policy replaces whatever the family set, so every route follows it alike. */
const withCors = <Result extends APIGatewayProxyResultV2>(result: Result, origin: string | undefined): Result => {
  if (!isStructured(result)) return result;
  const structured: APIGatewayProxyStructuredResultV2 = result;
  const { 'Access-Control-Allow-Origin': _familyDefault, ...headers } = structured.headers ?? {};
  return { ...structured, headers: { ...headers, ...allowOriginHeaders(origin) } } as Result;
};

export const routeHandler =
  <Result extends APIGatewayProxyResultV2>(handler: HttpHandler<Result>): HttpHandler<Result> =>
  async (event, context) => {
    // A duration, not a point in time: performance.now() is monotonic and independent of the
    // domain clock that tests pin.
    const startedAt = performance.now();
    logger.addContext(context);
    // API Gateway answers 500 when the function throws.
    let status = 500;
    try {
      const result = withCors(await handler(event, context), event.headers.origin);
      status = statusOf(result);
      return result;
    } catch (error) {
      logger.error('Unhandled failure', error as Error);
      throw error;
    } finally {
      const durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
      const logged = whyLogged(status, durationMs);
      if (logged) {
        // `sampleRate` lets a query scale the sampled lines' counts back up to all requests.
        (logged === 'sampled' ? logger.info : logger.warn).call(logger, 'request', {
          route: routeOf(context),
          method: event.requestContext.http.method,
          routeKey: event.routeKey,
          status,
          durationMs,
          requestId: event.requestContext.requestId,
          logged,
          ...(logged === 'sampled' && { sampleRate: requestLog.sampleRate }),
        });
      }
      containerMetrics.flushIfDue(clock.now());
    }
  };
