import { v1Route } from '../shared/private-api.ts';
import { accountView } from './account-view.ts';
import { quotaContextOf } from './context.ts';
import { contracts } from './schemas.ts';

export const handler = v1Route(contracts.account, async (_request, route) => ({
  statusCode: 200,
  body: await accountView(quotaContextOf(route), route.caller.ownerId),
}));
