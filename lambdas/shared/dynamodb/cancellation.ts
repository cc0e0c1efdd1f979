import { unmarshall } from '@aws-sdk/util-dynamodb';

/** Why DynamoDB cancelled one item of a transaction (one reason per item, in the items' order). */
export interface CancellationReason {
  /** `None` for the items that would have succeeded. */
  code: string | undefined;
  conditionFailed: boolean;
  /** The item the failed condition saw, when that transaction item asked for ReturnValuesOnConditionCheckFailure ALL_OLD. */
  old: Record<string, unknown> | undefined;
}

interface RawReason {
  Code?: string;
  Item?: Parameters<typeof unmarshall>[0];
}

/**
 * The reasons of a cancelled transaction, or undefined for any other error. Matched by name, not
 * class: the document client passes the low-level client's error through, with its items still
 * marshalled.
 */
export const cancellationReasons = (error: unknown): CancellationReason[] | undefined => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Error & { CancellationReasons?: RawReason[] }).CancellationReasons ?? [];
  return reasons.map(({ Code, Item }) => ({ code: Code, conditionFailed: Code === 'ConditionalCheckFailed', old: Item ? unmarshall(Item) : undefined }));
};
