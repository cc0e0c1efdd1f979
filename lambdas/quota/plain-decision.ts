import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countAccountRequest, countDenied, tryAccountUpdates } from './account-counters.ts';
import type { QuotaContext } from './context.ts';
import { allowed, type Decision, type DecisionInput, denied, denyOversized } from './decision.ts';
import { consumeOnShards, giveBackSubject, largestSlice } from './subject-counter.ts';

/**
 * A decision without an Idempotency-Key, allowed in one round trip: the subject's conditional
 * UpdateItem (which returns the new count, hence `remaining`; on a hot metric, of one shard) runs in
 * parallel with the account's two conditional updates. Only when the account turns out to be over a cap (a denial, off the hot
 * path), or its count fails (a 503), is the subject's consumption given back, in a second write.
 */
export const decide = async (context: QuotaContext, input: DecisionInput): Promise<Decision> => {
  const { limit } = input;
  if (limit === null) {
    const denial = await countAccountRequest(context, input);
    return denial ? denied(denial, 0) : allowed(null);
  }
  const counter = { ...input, limit };
  if (input.cost > largestSlice(counter)) return denyOversized(context, input, limit);

  const [tried, consumed] = await Promise.allSettled([tryAccountUpdates(context, input), consumeOnShards(context, counter, input.cost)]);
  const giveBack = () =>
    consumed.status === 'fulfilled' && consumed.value.applied
      ? context.client.send(new UpdateCommand(giveBackSubject(context, { ...counter, shard: consumed.value.shard })))
      : undefined;
  // An answer of 503 must not leave the subject's consumption behind: the caller will retry it.
  if (tried.status === 'rejected') {
    await giveBack();
    throw tried.reason;
  }
  if (consumed.status === 'rejected') throw consumed.reason;
  const [account, subject] = [tried.value, consumed.value];
  if (account.rate.applied && account.month.applied) return subject.applied ? allowed(subject.remaining) : denied('limit_exceeded', subject.remaining);
  const [denial] = await Promise.all([countDenied(context, { ...input, ...account }), giveBack()]);
  return denied(denial ?? 'owner_rate_limit_exceeded', 0);
};
