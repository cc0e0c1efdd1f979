import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { clock } from '../shared/clock.ts';
import { documentClient } from '../shared/dynamodb.ts';
import type { AnswerOf, Responses, RouteContract } from '../shared/http/contract.ts';
import { edge, type Middleware } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { parseInput } from '../shared/http/input.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { gif, json, jsonp, noStore } from '../shared/http/responses.ts';
import { creationLimitAnswer } from '../shared/public-creation.ts';
import { tableName } from '../shared/table.ts';
import { CounterOverflowError } from './counter-store.ts';
import { resolveReservedWords } from './names.ts';
import { jsonpCallback } from './schemas.ts';
import { StatsShards } from './stats-shards.ts';

/**
 * What every CountAPI route declares on the shared edge: request parsing (reserved words, then the
 * route's zod schema), the three answer formats (JSON, JSONP, 1x1 GIF), X-Path, the statistics,
 * and CountAPI's error shape `{"error": message}` for its domain errors.
 */

interface Answer {
  statusCode: number;
  body: Record<string, unknown>;
  /** `namespace/key` of the counter the request named: sent as X-Path. */
  path?: string;
  headers?: Record<string, string>;
}

/** What a CountAPI operation answers: a status its contract declares, and the counter it named. */
export type CountapiAnswer<R extends Responses> = AnswerOf<R> & Pick<Answer, 'path' | 'headers'>;

export interface CountapiContext {
  event: APIGatewayProxyEventV2;
  nowMs: number;
  table: string;
  stats: StatsShards;
}

const table = tableName();
const statsFlushIntervalMs = 10_000;
export const countapiStats = new StatsShards(documentClient, () => table, statsFlushIntervalMs);

type Format = { kind: 'json' } | { kind: 'jsonp'; callback: string } | { kind: 'gif' };

/** `?img` wins over `?callback`; an invalid callback is refused in plain JSON (it cannot be trusted as code). */
const formatOf = (event: APIGatewayProxyEventV2): Format => {
  const query = event.queryStringParameters ?? {};
  if (query.img !== undefined) return { kind: 'gif' };
  if (query.callback === undefined) return { kind: 'json' };
  const callback = jsonpCallback.safeParse(query.callback);
  if (!callback.success) throw new RequestError(400, 'validation_error', callback.error.issues[0]!.message);
  return { kind: 'jsonp', callback: callback.data };
};

const safeFormatOf = (event: APIGatewayProxyEventV2): Format => {
  try {
    return formatOf(event);
  } catch {
    return { kind: 'json' };
  }
};

const render = (format: Format, answer: Answer): APIGatewayProxyStructuredResultV2 => {
  const headers = {
    ...noStore,
    'Access-Control-Expose-Headers': 'X-Path, Retry-After',
    ...(answer.path ? { 'X-Path': answer.path } : {}),
    ...answer.headers,
  };
  switch (format.kind) {
    case 'gif':
      return gif(headers);
    case 'jsonp':
      return jsonp(format.callback, answer.statusCode, answer.body, headers);
    case 'json':
      return json(answer.statusCode, answer.body, headers);
  }
};

const countapiErrors = [[CounterOverflowError, (error: CounterOverflowError) => new RequestError(400, 'validation_error', error.message)], creationLimitAnswer] as const;

/**
 * Parses path parameters and query string together, after the reserved words are resolved. A
 * counter named by the path (`/hit/{key}`, `/hit/{namespace}/{key}`) is named by the path alone:
 * `/hit/{key}?namespace=victim.example` counts in `default`, never in `victim.example`.
 */
const parseRequest = <Schema extends z.ZodMiniType>(schema: Schema, event: APIGatewayProxyEventV2): z.output<Schema> => {
  const { namespace: _namespace, key: _key, ...options } = event.queryStringParameters ?? {};
  const input: Record<string, string | undefined> = event.pathParameters?.key === undefined ? { ...event.queryStringParameters } : { ...options, ...event.pathParameters };
  input.namespace = resolveReservedWords(input.namespace, event.headers);
  input.key = resolveReservedWords(input.key, event.headers);
  return parseInput(schema, input);
};

/** Counts the request and flushes the statistics alongside (not after) the route's own DynamoDB call. */
const statistics = (): Middleware => {
  const flushes = new WeakMap<APIGatewayProxyEventV2, Promise<void>>();
  const settle = async ({ event }: { event: APIGatewayProxyEventV2 }) => {
    await flushes.get(event);
  };
  return {
    before: (request) => {
      countapiStats.record({ requests: 1 });
      const flush = countapiStats.flushIfDue(clock.now());
      if (flush) flushes.set(request.event, flush);
    },
    after: settle,
    onError: settle,
  };
};

/** Builds a CountAPI route handler from the route's request schema and its operation. */
export const countapiRoute = <Request extends z.ZodMiniType, R extends Responses>(
  contract: RouteContract<Request, R>,
  operation: (request: z.output<Request>, context: CountapiContext) => Promise<CountapiAnswer<NoInfer<R>>>,
) =>
  edge(
    {
      answerError: (error, event) => render(safeFormatOf(event), { statusCode: error.statusCode, body: messageErrorShape(error), headers: error.headers }),
      domainErrors: countapiErrors,
      middlewares: [statistics()],
    },
    async (event) => {
      const format = formatOf(event);
      const request = parseRequest(contract.request, event);
      // The contract's bodies are JSON objects; TypeScript cannot see that through the generic R.
      return render(format, (await operation(request, { event, nowMs: clock.now(), table, stats: countapiStats })) as Answer);
    },
  );

/** X-Path names the counter actually used, after defaults and reserved words. */
export const xPath = ({ namespace, key }: { namespace: string; key: string }) => `${namespace}/${key}`;
