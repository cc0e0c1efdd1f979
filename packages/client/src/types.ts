import type { operations as Operations } from './schema.js';

/** Request and answer types, read from the OpenAPI document's generated types by operation id. */

export type OperationId = keyof Operations;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type AnswerOf<Id extends OperationId, Status extends keyof Operations[Id]['responses'] = 200 & keyof Operations[Id]['responses']> = Json<
  Operations[Id]['responses'][Status]
>;
export type BodyOf<Id extends OperationId> = Json<NonNullable<Operations[Id]['requestBody']>>;
export type QueryOf<Id extends OperationId> = NonNullable<Operations[Id]['parameters']['query']>;
