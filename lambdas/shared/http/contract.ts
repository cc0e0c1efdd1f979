import type * as z from 'zod/mini';

/**
 * A route's contract: what a client may rely on, declared once, next to the route's schemas. The
 * edge parses requests with it, handlers are typed by it (an operation can only answer a declared
 * status with a body of that status's schema), the route table (lib/routes.ts) takes its route keys
 * from it, and the API documentation is generated from it.
 */

/**
 * Which API key a route needs: none, a use key, an admin key, or `any`: a use or an admin key of
 * the owner (for reads of the owner's own data that both the decision side and the console need).
 */
export type Auth = 'none' | 'use' | 'admin' | 'any';

/** What a keyed route needs: every `Auth` but `none`. */
export type KeyAuth = Exclude<Auth, 'none'>;

/**
 * The family whose conventions a route follows: its error shape (lambdas/shared/http/error-shapes.ts),
 * where its key may come from, and how its answers are written. `site`: what Incr serves about
 * itself (this API's document and reference pages), with CountAPI's `{"error": message}`.
 */
export type Family = 'countapi' | 'hits' | 'v1' | 'requiems' | 'site';

/**
 * How a keyed route's requests count toward the owner's plan caps (lambdas/quota/plan-admission.ts applies it):
 * - `alongside`: counted in parallel with the route's own request, so a request within the plan
 *   costs no extra round trip. A refused request's write must not stand: the operation hands back
 *   its exact inverse (`undoIfRefused`, an ADD of the opposite amount, commutative with every
 *   concurrent change), which the edge applies before answering 429, like check-consume's give-back.
 *   Reads have nothing to undo.
 * - `transacted`: for writes that have no exact inverse (a delete, a replacement, a put-if-absent
 *   whose undo could erase a later change). The operation's stores describe their write as
 *   transaction items (lambdas/shared/dynamodb/item-writes.ts) and send it with the writer the
 *   edge hands them: for an owner with caps, one transaction of the write and the account count,
 *   so a refused write is never made and costs no extra round trip; for an owner without caps, the
 *   write alone. A write refused by its own condition is not counted (nothing was written).
 * - `itself`: the operation counts its own request, because the account's answer is part of its
 *   result (check-consume's decision, usage).
 * - `false`: not counted (the account view, which an owner over its caps still needs).
 */
export type PlanCounting = 'alongside' | 'transacted' | 'itself' | false;

/** The bodies a route's handler answers, by status. Failures the edge answers (validation, keys, outages) follow the family's error shape. */
export type Responses = Readonly<Partial<Record<number, z.ZodMiniType>>>;

export interface RouteContract<Request extends z.ZodMiniType = z.ZodMiniType, R extends Responses = Responses, A extends Auth = Auth> {
  /** API Gateway HTTP API route keys, e.g. `GET /hit/{namespace}/{key}`. */
  routeKeys: readonly string[];
  /** One line for the API reference. */
  summary: string;
  family: Family;
  auth: A;
  /** The route's whole input: path parameters, query string or JSON body, and the declared headers, merged. */
  request: Request;
  /** Request headers that are input fields, by their field name in `request` (e.g. `Idempotency-Key`). */
  headers?: readonly string[];
  responses: R;
  /** The media type of the answers the route declares, when they are not JSON (a page, a script); several when one route serves files of different kinds. */
  mediaType?: string | readonly string[];
  /** Failures the route itself answers (its domain's 404, 409, 422...), in its family's error shape, by status. */
  errors?: Readonly<Partial<Record<number, string>>>;
  /** How a keyed route's requests count toward the owner's plan caps: `alongside` unless declared; ignored without a key. */
  countsTowardPlan?: PlanCounting;
  /** The documented examples, for the API reference; a test checks that each one parses with its schema. */
  examples?: { request?: Record<string, unknown>; responses?: Readonly<Partial<Record<number, unknown>>> };
}

export const routeContract = <Request extends z.ZodMiniType, R extends Responses, const A extends Auth>(contract: RouteContract<Request, R, A>) => contract;

/** What an operation may answer: a declared status, with a body its schema accepts. */
export type AnswerOf<R extends Responses> = { [S in keyof R & number]: { statusCode: S; body: z.input<NonNullable<R[S]>> } }[keyof R & number];

/** How the route's requests count toward the owner's plan: only keyed routes count, `alongside` unless declared. */
export const planCountingOf = (contract: RouteContract): PlanCounting => (contract.auth === 'none' ? false : (contract.countsTowardPlan ?? 'alongside'));
