import { v1Route } from '../shared/private-api.ts';
import { quotaContextOf } from './context.ts';
import { usage } from './quota-service.ts';
import { decisionContracts as contracts } from './decision-schemas.ts';

export const handler = v1Route(contracts.usage, async ({ subject, metric }, route) => ({
  statusCode: 200,
  body: await usage(quotaContextOf(route), { ownerId: route.caller.ownerId, metric, subject }),
}));
