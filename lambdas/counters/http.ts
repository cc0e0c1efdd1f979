import type * as z from 'zod/mini';
import type { AnswerOf, Responses, RouteContract } from '../shared/http/contract.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { type PrivateContext, v1Route } from '../shared/private-api.ts';
import { CounterRangeError } from './counter.ts';

/** A change that would leave the safe integer range is the caller's input problem: 400, nothing changed. */
const counterErrors = [[CounterRangeError, (error: CounterRangeError) => new RequestError(400, 'validation_error', error.message, { by: error.message })]] as const;

/** Every private counter route answers the counters' domain errors alike. */
export const counterRoute = <Request extends z.ZodMiniType, R extends Responses>(
  contract: RouteContract<Request, R, 'use'>,
  operation: (request: z.output<Request>, context: PrivateContext) => Promise<AnswerOf<NoInfer<R>>>,
) => v1Route(contract, operation, counterErrors);
