import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type CancellationReason, cancellationReasons } from './cancellation.ts';
import { conditionalWrite } from './conditional.ts';
import { transactWrite } from './transactions.ts';

/**
 * A store's write described as the items of a transaction (Put, Update, Delete, ConditionCheck,
 * each with its condition) instead of sent, so that whoever runs it may send it alone or inside a
 * larger transaction: the plan admission (lambdas/quota/plan-admission.ts) adds the owner's
 * account count to it, in the same round trip, for the routes whose write has no exact inverse.
 */
export type WriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface ItemsWrite {
  items: WriteItem[];
  /** Asked of a single item sent alone (its command's ReturnValues); a transaction returns nothing, so a store must not rely on them. */
  returnValues?: 'ALL_NEW' | 'ALL_OLD';
}

export interface ItemsOutcome {
  /** Every item was written; otherwise none was, and some condition failed. */
  applied: boolean;
  /** Refused: one reason per item, in the write's order, each failed condition with the item it saw. */
  reasons: CancellationReason[];
  /** The attributes a single item sent alone returned, if it asked for them. */
  attributes?: Record<string, unknown>;
}

/** Runs a described write: what the routes hand their stores. */
export type WriteItems = (write: ItemsWrite) => Promise<ItemsOutcome>;

const singleCommand = (item: WriteItem, returnValues: ItemsWrite['returnValues']) => {
  const options = { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const, ...(returnValues ? { ReturnValues: returnValues } : {}) };
  if (item.Put) return new PutCommand({ ...item.Put, ...options });
  if (item.Update) return new UpdateCommand({ ...item.Update, ...options });
  if (item.Delete) return new DeleteCommand({ ...item.Delete, ...options });
  return undefined;
};

/**
 * Sends a write by itself: one item as its own conditional request (no transaction, which would
 * cost twice the write units), several as one transaction. A failed condition is an outcome; any
 * other failure is thrown.
 */
export const writeItems =
  (client: DynamoDBDocumentClient): WriteItems =>
  async ({ items, returnValues }) => {
    const single = items.length === 1 ? singleCommand(items[0]!, returnValues) : undefined;
    if (single) {
      const { applied, old } = await conditionalWrite(client.send(single as PutCommand));
      return applied
        ? { applied, reasons: [], attributes: old }
        : { applied, reasons: [{ code: 'ConditionalCheckFailed', conditionFailed: true, old }] };
    }
    const withOld = items.map((item) =>
      Object.fromEntries(Object.entries(item).map(([operation, request]) => [operation, { ...request, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }])),
    );
    try {
      await transactWrite(client, { TransactItems: withOld });
      return { applied: true, reasons: [] };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons?.some(({ conditionFailed }) => conditionFailed)) throw error;
      return { applied: false, reasons };
    }
  };
