import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export interface ConditionalUpdateResult {
  applied: boolean;
  /** Applied: the updated attributes, as written. Refused: the item as the condition saw it (empty if missing). */
  item: Record<string, unknown>;
}

/** Runs a conditional UpdateItem and reports a refused condition as a result, not an error. */
export const tryConditionalUpdate = async (client: DynamoDBDocumentClient, update: UpdateCommandInput): Promise<ConditionalUpdateResult> => {
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({ ...update, ReturnValues: 'UPDATED_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
    );
    return { applied: true, item: Attributes ?? {} };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return { applied: false, item: error.Item ? unmarshall(error.Item) : {} };
  }
};

/** Whether a conditional write was applied: false when its condition refused it; any other failure is thrown. */
export const applied = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};
