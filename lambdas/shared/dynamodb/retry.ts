/**
 * The one retry policy for what DynamoDB asks us to repeat ourselves (the SDK retries throttling and
 * network errors on its own, but not these): transactions cancelled by a conflicting transaction,
 * and batch items left unprocessed. Attempts are bounded so a request still answers (503) within
 * the function's timeout; pauses double, with jitter so that requests that collided do not collide
 * again at the same instant.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The longest pause before the first retry; each later retry's doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter's source (tests fix it). */
  random: () => number;
}

/** At most 5 retries; the pauses' ceilings are 20, 40, 80, 160 and 320 ms (at most 620 ms in all). */
export const retryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 20,
  maxDelayMs: 1_000,
  sleep: (ms) => new Promise((wake) => setTimeout(wake, ms)),
  random: Math.random,
};

/**
 * The pause before retry number `retry` (1 for the first): half of its ceiling fixed, half random,
 * so pauses keep growing while concurrent retries spread out.
 */
export const retryDelayMs = (retry: number, policy: RetryPolicy): number => {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + (policy.random() * ceiling) / 2;
};

/** Runs `operation`, repeating it after a pause while it fails with a retryable error; the last failure is thrown. */
export const retrying = async <T>(operation: () => Promise<T>, isRetryable: (error: unknown) => boolean, policy: RetryPolicy = retryPolicy): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isRetryable(error)) throw error;
      await policy.sleep(retryDelayMs(attempt, policy));
    }
  }
};
