import { describe, expect, it } from 'vitest';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { cancellationReasons } from '../../lambdas/shared/dynamodb/cancellation.ts';
import { conditionalPut, conditionalUpdate } from '../../lambdas/shared/dynamodb/conditional.ts';
import { tableName } from '../../lambdas/shared/table.ts';

/** The kit's conditional writes and cancellation reader against the real DynamoDB Local. */
let keys = 0;
const freshKey = () => ({ pk: `kit#${++keys}`, sk: 'item' });
const seed = async (item: Record<string, unknown>) => {
  const key = freshKey();
  await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...key, ...item } }));
  return key;
};
const addOneBelowUpdate = (key: Record<string, unknown>, max: number) => ({
  TableName: tableName(),
  Key: key,
  UpdateExpression: 'SET #value = #value + :one',
  ConditionExpression: '#value < :max',
  ExpressionAttributeNames: { '#value': 'value' },
  ExpressionAttributeValues: { ':one': 1, ':max': max },
});
const addOneBelow = (key: Record<string, unknown>, max: number) => ({ ...addOneBelowUpdate(key, max), ReturnValues: 'UPDATED_NEW' as const });

describe('conditionalUpdate', () => {
  it('returns the attributes its ReturnValues asked for when applied', async () => {
    const key = await seed({ value: 1 });
    expect(await conditionalUpdate(documentClient, addOneBelow(key, 10))).toEqual({ applied: true, old: { value: 2 } });
  });

  it('returns the whole item as the condition saw it when refused, unmarshalled', async () => {
    const key = await seed({ value: 10, label: 'full' });
    expect(await conditionalUpdate(documentClient, addOneBelow(key, 10))).toEqual({ applied: false, old: { ...key, value: 10, label: 'full' } });
  });

  it('reports a missing item as refused with no old item', async () => {
    expect(await conditionalUpdate(documentClient, addOneBelow(freshKey(), 10))).toEqual({ applied: false, old: undefined });
  });

  it('throws any failure other than a refused condition', async () => {
    const key = await seed({ value: 'text' });
    const addToText = { ...addOneBelow(key, 10), ConditionExpression: 'attribute_exists(#value)', ExpressionAttributeValues: { ':one': 1 } };
    await expect(conditionalUpdate(documentClient, addToText)).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('conditionalPut', () => {
  const putUnlessThere = (key: Record<string, unknown>, value: number) => ({
    TableName: tableName(),
    Item: { ...key, value },
    ConditionExpression: 'attribute_not_exists(pk)',
  });

  it('writes when the condition holds, and returns the old item when it does not', async () => {
    const key = freshKey();
    expect(await conditionalPut(documentClient, putUnlessThere(key, 1))).toEqual({ applied: true, old: undefined });
    expect(await conditionalPut(documentClient, putUnlessThere(key, 2))).toEqual({ applied: false, old: { ...key, value: 1 } });
  });
});

describe('cancellationReasons', () => {
  it('tells which items of a cancelled transaction failed their condition, with the item each one saw', async () => {
    const full = await seed({ value: 10 });
    const open = await seed({ value: 1 });
    const error = await documentClient
      .send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: addOneBelowUpdate(open, 10) },
            { Update: { ...addOneBelowUpdate(full, 10), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
          ],
        }),
      )
      .catch((failure: unknown) => failure);
    expect(cancellationReasons(error)).toEqual([
      { code: 'None', conditionFailed: false, old: undefined },
      { code: 'ConditionalCheckFailed', conditionFailed: true, old: { ...full, value: 10 } },
    ]);
  });

  it('is undefined for any other error', () => {
    expect(cancellationReasons(new Error('ValidationException'))).toBeUndefined();
    expect(cancellationReasons('not an error')).toBeUndefined();
  });
});
