import type * as z from 'zod';
import { RequestError } from '../shared/http/request-error.ts';
import { type Answer, type PrivateContext, v1Route } from '../shared/private-api.ts';
import { CounterRangeError } from './counter.ts';

/** A change that would leave the safe integer range is the caller's input problem: 400, nothing changed. */
const counterErrors = [[CounterRangeError, (error: CounterRangeError) => new RequestError(400, 'validation_error', error.message, { by: error.message })]] as const;

/** Every private counter route takes a use key and answers the counters' domain errors alike. */
export const counterRoute = <Schema extends z.ZodType>(
  schema: Schema,
  operation: (request: z.output<Schema>, context: PrivateContext) => Promise<Answer>,
) => v1Route({ keyKind: 'use', schema, domainErrors: counterErrors }, operation);
