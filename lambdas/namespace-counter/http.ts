import type * as z from 'zod';
import { type Answer, type PrivateContext, requiemsRoute } from '../shared/private-api.ts';

/** Every namespace counter route takes a use key. */
export const namespaceCounterRoute = <Schema extends z.ZodType>(
  schema: Schema,
  operation: (request: z.output<Schema>, context: PrivateContext) => Promise<Answer>,
) => requiemsRoute({ keyKind: 'use', schema }, operation);
