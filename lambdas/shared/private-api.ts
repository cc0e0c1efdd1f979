import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { VerifiedKey } from './api-keys.ts';
import type { WriteItems } from './dynamodb/item-writes.ts';
import { countedTowardPlan, ownerCapErrors, type Undoable } from '../quota/plan-admission.ts';
import { type AnswerOf, type KeyAuth, planCountingOf, type Responses, type RouteContract } from './http/contract.ts';
import { authenticate, presentedKey } from './authenticate.ts';
import { clock } from './clock.ts';
import { documentClient } from './dynamodb.ts';
import { edge, jsonErrors } from './http/edge.ts';
import { jsonBody, parseInput } from './http/input.ts';
import type { DomainErrors, RequestError } from './http/request-error.ts';
import { json } from './http/responses.ts';
import { requiemsErrorShape, v1ErrorShape } from './http/error-shapes.ts';
import { tableName } from './table.ts';

/**
 * The shared edge of every route behind an API key (private counters, the namespace counter, key
 * management, quotas): the route's contract says which key it needs and what its input and answers
 * are; its family fixes how an error looks on the wire and where the key may come from.
 */

export interface PrivateContext {
  event: APIGatewayProxyEventV2;
  caller: VerifiedKey;
  nowMs: number;
  table: string;
  /** What the operation's stores send their writes with: counted toward the plan in the same transaction when the contract says `transacted`. */
  write: WriteItems;
}

interface FamilyOptions {
  /** The family's wire format of an error. */
  errorShape: (error: RequestError) => unknown;
  /** A header that may carry the key instead of `Authorization: Bearer`. */
  keyHeader?: string;
}

const table = tableName();

/**
 * A request's input: path parameters and, for methods that carry a body (POST, PUT, PATCH), the
 * JSON body; for the others, the query string; then the declared headers. A body field never comes
 * from the query string (`POST /v1/keys?kind=admin` must not make an admin key), and path
 * parameters win over both.
 */
const inputOf = (event: APIGatewayProxyEventV2, headers: readonly string[]): Record<string, unknown> => {
  const carriesBody = ['POST', 'PUT', 'PATCH'].includes(event.requestContext.http.method);
  const declaredHeaders = Object.fromEntries(headers.map((name) => [name, event.headers[name.toLowerCase()]]).filter(([, value]) => value !== undefined));
  return { ...(carriesBody ? jsonBody(event) : event.queryStringParameters), ...declaredHeaders, ...event.pathParameters };
};

/**
 * Builds the handler of a route behind an API key: authenticate, parse the input with the route's
 * schema, run the operation, counted toward the owner's plan as the contract declares.
 * Authentication comes first, so callers without a key learn nothing about the route (and are not
 * counted).
 */
const privateRoute =
  ({ errorShape, keyHeader }: FamilyOptions) =>
  <Request extends z.ZodMiniType, R extends Responses>(
    contract: RouteContract<Request, R, KeyAuth>,
    operation: (request: z.output<Request>, context: PrivateContext) => Promise<AnswerOf<NoInfer<R>> & Undoable>,
    /** The family's domain errors and the answers they stand for. */
    domainErrors: DomainErrors = [],
  ) =>
    edge({ answerError: jsonErrors(errorShape), domainErrors: [...ownerCapErrors, ...domainErrors] }, async (event) => {
      const caller = await authenticate(documentClient, table, presentedKey(event, keyHeader), contract.auth);
      const request = parseInput(contract.request, inputOf(event, contract.headers ?? []));
      const context = { event, caller, nowMs: clock.now(), table };
      const { statusCode, body } = await countedTowardPlan(planCountingOf(contract), { ...context, ownerId: caller.ownerId }, (write) =>
        operation(request, { ...context, write }),
      );
      return json(statusCode, body);
    });

/** A `/v1` route: countr's error shape, key in `Authorization: Bearer`. */
export const v1Route = privateRoute({ errorShape: v1ErrorShape });

/** The Requiems-compatible counter: its error shape, key in the `requiems-api-key` header (or `Authorization: Bearer`). */
export const requiemsRoute = privateRoute({ errorShape: requiemsErrorShape, keyHeader: 'requiems-api-key' });
