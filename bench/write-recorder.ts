import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * For the benchmarks of hot items: a middleware on the handlers' document client that counts the
 * writes each partition key takes (every item of a transaction or batch), and refuses the next
 * write to a key in `refuseOnce` with ProvisionedThroughputExceededException, as AWS refuses a
 * write over an item's limit.
 */
export const recordWrites = (documentClient: DynamoDBDocumentClient, partitionKey: string) => {
  const writes = new Map<string, number>();
  const refuseOnce = new Set<string>();
  const pkOf = (key: Record<string, unknown> | undefined) => key?.[partitionKey] as string;
  const writtenBy = (command: string, input: Record<string, any>): string[] => {
    if (command === 'TransactWriteItemsCommand') return (input.TransactItems as Record<string, any>[]).flatMap((item) => Object.values(item).map((part) => pkOf(part.Key ?? part.Item)));
    if (command === 'BatchWriteItemCommand')
      return Object.values(input.RequestItems as Record<string, Record<string, any>[]>).flatMap((batch) => batch.map((request) => pkOf(request.PutRequest?.Item ?? request.DeleteRequest?.Key)));
    return /^(UpdateItem|PutItem|DeleteItem)Command$/.test(command) ? [pkOf(input.Key ?? input.Item)] : [];
  };
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const written = writtenBy(context.commandName as string, args.input as Record<string, any>);
      const refused = written.find((pk) => refuseOnce.delete(pk));
      if (refused) throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput (bench)', $metadata: {} });
      for (const pk of written) writes.set(pk, (writes.get(pk) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchWrites' },
  );
  return { writes, refuseOnce, pkOf };
};
