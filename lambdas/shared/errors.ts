import { cancellationReasons } from './dynamodb/cancellation.ts';

/**
 * Sorts failures of DynamoDB (and other AWS calls) into "the service is unavailable right now"
 * (throttling, outages, timeouts: the caller should retry, so 503) and everything else (500).
 * The SDK has already retried these with backoff before the error reaches us.
 */
const unavailableErrorNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  // A single write to an item an ongoing transaction holds (an account shard counted with a transacted write); the SDK does not retry it.
  'TransactionConflictException',
]);

const networkErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Why DynamoDB cancels one item of a transaction that a retry, or another item, may get past: contention for that item. */
const retryableCancellationCodes = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);
export const isContentionCode = (code: string | undefined): boolean => code !== undefined && retryableCancellationCodes.has(code);

const transactionCancelledFor = (error: unknown, codes: Set<string>): boolean =>
  cancellationReasons(error)?.some((reason) => reason.code !== undefined && codes.has(reason.code)) ?? false;

/** A DynamoDB transaction was cancelled because another one touched the same item: safe to retry. */
const conflictCodes = new Set(['TransactionConflict']);
export const isTransactionConflict = (error: unknown): boolean => transactionCancelledFor(error, conflictCodes);

/** DynamoDB refused a write for the throughput of the item's partition: the sign that one item is hot (lambdas/shared/sharded-counter.ts). */
const throttlingErrorNames = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException']);
export const isThrottling = (error: unknown): boolean => error instanceof Error && throttlingErrorNames.has(error.name);

/** A single write refused for contention on its item: throttled, or held by a transaction. It wrote nothing; another item may take it. */
export const isItemContention = (error: unknown): boolean => isThrottling(error) || (error instanceof Error && error.name === 'TransactionConflictException');

export const isServiceUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const { code, $retryable } = error as Error & { code?: string; $retryable?: unknown };
  return (
    unavailableErrorNames.has(error.name) ||
    Boolean($retryable) ||
    (code !== undefined && networkErrorCodes.has(code)) ||
    transactionCancelledFor(error, retryableCancellationCodes) ||
    (error.cause !== undefined && isServiceUnavailable(error.cause))
  );
};

