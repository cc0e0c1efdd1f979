import { type DynamoDBDocumentClient, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { isTransactionConflict } from '../errors.ts';
import { retrying, retryPolicy } from './retry.ts';

/**
 * Runs a transaction, repeating it under the retry policy while it conflicts with another one (a
 * cancelled transaction wrote nothing). Any other cancellation is thrown: read it with cancellationReasons.
 */
export const transactWrite = async (client: DynamoDBDocumentClient, input: TransactWriteCommandInput, policy = retryPolicy): Promise<void> => {
  const transaction = new TransactWriteCommand(input);
  await retrying(() => client.send(transaction), isTransactionConflict, policy);
};
