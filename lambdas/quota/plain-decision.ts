import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionalUpdate } from '../shared/dynamodb/conditional.ts';
import { countAccountRequest, countDenied, tryAccountUpdates } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import { allowed, type Decision, type DecisionInput, denied, denyOversized, remainingOf } from './decision.ts';
import { consumeSubject, giveBackSubject } from './subject-counter.ts';

/**
 * A decision without an Idempotency-Key, allowed in one round trip: the subject's conditional
 * UpdateItem (which returns the new count, hence `remaining`) runs in parallel with the account's
 * two conditional updates. Only when the account turns out to be over a cap (a denial, off the hot
 * path) is the subject's consumption given back, in a second write.
 */
export const decide = async (context: QuotaContext, input: DecisionInput): Promise<Decision> => {
  const { limit } = input;
  if (limit === null) {
    const denial = await countAccountRequest(context, input);
    return denial ? denied(denial, 0) : allowed(null);
  }
  if (input.cost > limit.limit) return denyOversized(context, input, limit);

  const counter = { ...input, limit };
  const [account, subject] = await Promise.all([tryAccountUpdates(context, input), conditionalUpdate<{ count?: number }>(context.client, { ...consumeSubject(context, counter), ReturnValues: 'UPDATED_NEW' })]);
  if (account.rate.applied && account.month.applied) {
    return subject.applied
      ? allowed(remainingOf(limit.limit, Number(subject.old?.count)))
      : denied('limit_exceeded', remainingOf(limit.limit, Number(subject.old?.count ?? 0)));
  }
  const [denial] = await Promise.all([
    countDenied(context, { ...input, ...account }),
    subject.applied ? context.client.send(new UpdateCommand(giveBackSubject(context, counter))) : undefined,
  ]);
  return denied(denial ?? 'owner_rate_limit_exceeded', 0);
};
