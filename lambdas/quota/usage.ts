import { RequestError } from '../shared/http/request-error.ts';
import { v1Route } from '../shared/private-api.ts';
import { quotaContextOf } from './context.ts';
import { OwnerCapExceededError, usage } from './quota-service.ts';
import { contracts } from './schemas.ts';

const ownerDenialMessages = {
  owner_rate_limit_exceeded_second: 'Too many requests in a short burst on this account; try again in a moment',
  owner_rate_limit_exceeded: 'Too many requests per minute on this account',
  owner_monthly_limit_exceeded: "This account's monthly request cap is reached; it resets next calendar month",
};

const quotaErrors = [
  [
    OwnerCapExceededError,
    (error: OwnerCapExceededError) =>
      new RequestError(429, error.denial, ownerDenialMessages[error.denial], undefined, { 'Retry-After': String(error.retryAfterSeconds) }),
  ],
] as const;

export const handler = v1Route(
  contracts.usage,
  async ({ subject, metric }, route) => ({ statusCode: 200, body: await usage(quotaContextOf(route), { ownerId: route.caller.ownerId, metric, subject }) }),
  quotaErrors,
);
