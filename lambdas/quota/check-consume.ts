import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { quotaContextOf } from './context.ts';
import { IdempotencyKeyReusedError } from './idempotent-decision.ts';
import { checkConsume } from './quota-service.ts';
import { decisionContracts as contracts } from './decision-schemas.ts';

const quotaErrors = [[IdempotencyKeyReusedError, (error: IdempotencyKeyReusedError) => new RequestError(422, 'idempotency_key_reused', error.message)]] as const;

export const handler = v1Route(
  contracts.checkConsume,
  async ({ 'Idempotency-Key': idempotencyKey, ...request }, route) => ({
    statusCode: 200,
    body: await checkConsume(quotaContextOf(route), { ...request, ownerId: route.caller.ownerId, idempotencyKey }),
  }),
  quotaErrors,
);
