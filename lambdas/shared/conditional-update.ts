import type { DynamoDBDocumentClient, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { conditionalUpdate, conditionalWrite } from './dynamodb/conditional.ts';

/**
 * The quota family's forms of the kit's conditional writes (lambdas/shared/dynamodb/conditional.ts):
 * that family reads the old item as `item`, empty when missing. This module goes once the quota
 * family, restructured meanwhile on another branch, calls the kit itself.
 */
export interface ConditionalUpdateResult {
  applied: boolean;
  /** Applied: the updated attributes, as written. Refused: the item as the condition saw it (empty if missing). */
  item: Record<string, unknown>;
}

export const tryConditionalUpdate = async (client: DynamoDBDocumentClient, update: UpdateCommandInput): Promise<ConditionalUpdateResult> => {
  const { applied, old } = await conditionalUpdate(client, { ...update, ReturnValues: 'UPDATED_NEW' });
  return { applied, item: old ?? {} };
};

/** Whether a conditional write was applied: false when its condition refused it; any other failure is thrown. */
export const applied = async (write: Promise<{ Attributes?: Record<string, unknown> }>): Promise<boolean> => (await conditionalWrite(write)).applied;
