import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routeHandler } from '../route-handler.ts';
import { type DomainErrors, type RequestError, requestErrorOf } from './request-error.ts';
import { json, noStore } from './responses.ts';

/**
 * The one HTTP edge every route goes through. A family declares how its failures look on the wire
 * (`answerError`, its error shape and format), its domain errors, and any middlewares of its own;
 * the edge classifies every failure once (requestErrorOf), and routeHandler adds CORS, the request
 * log line and the metrics. Handlers return responses built by ./responses.ts and never catch
 * infrastructure errors.
 */

export type Middleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

export interface EdgeOptions {
  answerError: (error: RequestError, event: APIGatewayProxyEventV2) => APIGatewayProxyStructuredResultV2;
  domainErrors?: DomainErrors;
  middlewares?: Middleware[];
}

/** Registered last, so it runs first when anything fails. */
const errorAnswers = ({ answerError, domainErrors }: EdgeOptions): Middleware => ({
  onError: (request) => {
    request.response = answerError(requestErrorOf(request.error, domainErrors), request.event);
  },
});

export const edge = (options: EdgeOptions, handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>) =>
  routeHandler(
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
      .use([...(options.middlewares ?? []), errorAnswers(options)])
      .handler(handler),
  );

/** Errors as JSON in a family's error shape, with the error's own headers (Retry-After). */
export const jsonErrors =
  (shape: (error: RequestError) => unknown): EdgeOptions['answerError'] =>
  (error) =>
    json(error.statusCode, shape(error), { ...noStore, ...error.headers });
