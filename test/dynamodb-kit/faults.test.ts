import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../lambdas/shared/document-client.ts';
import { batchGetAll, batchWriteAll } from '../../lambdas/shared/dynamodb/batch.ts';
import { type RetryPolicy, retryPolicy } from '../../lambdas/shared/dynamodb/retry.ts';
import { transactWrite } from '../../lambdas/shared/dynamodb/transactions.ts';
import { isServiceUnavailable, isTransactionConflict } from '../../lambdas/shared/errors.ts';

/** What DynamoDB Local cannot produce on demand: unprocessed batch items and transaction conflicts. */
const dynamodb = mockClient(DynamoDBDocumentClient);
const client = createDocumentClient('http://127.0.0.1:1');
const table = 'kit-faults';
const instant: RetryPolicy = { ...retryPolicy, sleep: async () => undefined };
const key = (n: number) => ({ pk: `k${n}`, sk: 's' });

afterEach(() => {
  dynamodb.reset();
});

const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
  });

describe('batchGetAll', () => {
  it('asks again for exactly the keys left unprocessed, and returns every item once', async () => {
    dynamodb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [table]: [{ ...key(1), value: 1 }] }, UnprocessedKeys: { [table]: { Keys: [key(2)] } } })
      .resolvesOnce({ Responses: { [table]: [{ ...key(2), value: 2 }] } });
    const items = await batchGetAll(client, table, [key(1), key(2)], instant);
    expect(items).toEqual([{ ...key(1), value: 1 }, { ...key(2), value: 2 }]);
    const calls = dynamodb.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems?.[table]?.Keys);
    expect(calls).toEqual([[key(1), key(2)], [key(2)]]);
  });

  it('gives up after the policy’s attempts with an error the edge answers 503', async () => {
    dynamodb.on(BatchGetCommand).resolves({ UnprocessedKeys: { [table]: { Keys: [key(1)] } } });
    const failure = await batchGetAll(client, table, [key(1)], instant).catch((error: unknown) => error);
    expect(isServiceUnavailable(failure)).toBe(true);
    expect(dynamodb.commandCalls(BatchGetCommand)).toHaveLength(retryPolicy.maxAttempts);
  });

  it('sends nothing for no keys', async () => {
    expect(await batchGetAll(client, table, [], instant)).toEqual([]);
    expect(dynamodb.commandCalls(BatchGetCommand)).toHaveLength(0);
  });
});

describe('batchWriteAll', () => {
  it('writes 25 requests per batch and repeats only the unprocessed ones', async () => {
    const requests = Array.from({ length: 30 }, (_, n) => ({ DeleteRequest: { Key: key(n) } }));
    dynamodb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [table]: [requests[3]!] } })
      .resolves({});
    await batchWriteAll(client, table, requests, instant);
    const sizes = dynamodb.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems?.[table]?.length);
    expect(sizes).toEqual([25, 1, 5]);
  });

  it('gives up after the policy’s attempts instead of looping forever', async () => {
    dynamodb.on(BatchWriteCommand).resolves({ UnprocessedItems: { [table]: [{ DeleteRequest: { Key: key(1) } }] } });
    await expect(batchWriteAll(client, table, [{ DeleteRequest: { Key: key(1) } }], instant)).rejects.toThrow(/unprocessed/);
    expect(dynamodb.commandCalls(BatchWriteCommand)).toHaveLength(retryPolicy.maxAttempts);
  });
});

describe('transactWrite', () => {
  const transaction = { TransactItems: [{ ConditionCheck: { TableName: table, Key: key(1), ConditionExpression: 'attribute_exists(pk)' } }] };

  it('repeats a transaction cancelled by a conflicting one', async () => {
    dynamodb.on(TransactWriteCommand).rejectsOnce(conflict()).resolves({});
    await transactWrite(client, transaction, instant);
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('throws the conflict once the attempts run out (a 503), and any other cancellation at once', async () => {
    dynamodb.on(TransactWriteCommand).rejects(conflict());
    const failure = await transactWrite(client, transaction, instant).catch((error: unknown) => error);
    expect(isTransactionConflict(failure) && isServiceUnavailable(failure)).toBe(true);
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(retryPolicy.maxAttempts);

    dynamodb.reset();
    const refused = new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] });
    dynamodb.on(TransactWriteCommand).rejects(refused);
    await expect(transactWrite(client, transaction, instant)).rejects.toBe(refused);
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('a single write refused by an ongoing transaction on its item is a 503, not a 500', () => {
    expect(isServiceUnavailable(new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: {} }))).toBe(true);
  });
});
