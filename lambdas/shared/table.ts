/**
 * The one DynamoDB table's key schema, shared by the CDK stack, the local server's table
 * creation and every store module, so the three can never disagree.
 */
export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB TTL deletes the item some time (up to ~48 h) after it. */
  expiresAt: 'expiresAt',
} as const;

export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};
