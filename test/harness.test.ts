import { describe, expect, it } from 'vitest';
import { PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lambdas/shared/dynamodb.ts';
import { tableName } from '../lambdas/shared/table.ts';

describe('test harness', () => {
  it('gives each file a fresh table on DynamoDB Local', async () => {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: 'a', sk: 'b', n: 1 } }));
    const { Item } = await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: 'a', sk: 'b' } }));
    expect(Item).toEqual({ pk: 'a', sk: 'b', n: 1 });
  });
});
