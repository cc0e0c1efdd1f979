import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, type PutCommandInput, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Conditional writes whose refusal is an expected outcome, not an error. A refusal comes with the
 * item exactly as the condition saw it (ReturnValuesOnConditionCheckFailure), so callers tell
 * "missing", "expired" and "over a bound" apart without a second read, which could see a later state.
 */
export interface ConditionalWrite<T = Record<string, unknown>> {
  applied: boolean;
  /** Applied: the attributes the write returned (its ReturnValues), if any. Refused: the item the condition saw; undefined if there was none. */
  old: T | undefined;
}

/** Settles any conditional write (UpdateItem, PutItem, DeleteItem) into its outcome; other failures are thrown. */
export const conditionalWrite = async <T = Record<string, unknown>>(write: Promise<{ Attributes?: Record<string, unknown> }>): Promise<ConditionalWrite<T>> => {
  try {
    const { Attributes } = await write;
    return { applied: true, old: Attributes as T | undefined };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return { applied: false, old: error.Item ? (unmarshall(error.Item) as T) : undefined };
  }
};

export const conditionalUpdate = <T = Record<string, unknown>>(client: DynamoDBDocumentClient, input: UpdateCommandInput): Promise<ConditionalWrite<T>> =>
  conditionalWrite<T>(client.send(new UpdateCommand({ ...input, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })));

export const conditionalPut = <T = Record<string, unknown>>(client: DynamoDBDocumentClient, input: PutCommandInput): Promise<ConditionalWrite<T>> =>
  conditionalWrite<T>(client.send(new PutCommand({ ...input, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })));
