/**
 * The one DynamoDB table's key schema, shared by the CDK stack, the local server's table
 * creation and every store module, so the three can never disagree. Free of configuration, so
 * tooling can import it before a function's environment is set (lambdas/shared/config.ts).
 */
export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB TTL deletes the item some time (up to ~48 h) after it. */
  expiresAt: 'expiresAt',
} as const;
