import { describe, expect, it } from 'vitest';
import { type RetryPolicy, retryDelayMs, retrying, retryPolicy } from '../../lambdas/shared/dynamodb/retry.ts';

/** The shared policy's numbers, with a sleep that only records: no test waits. */
const recording = (random: () => number = () => 0.5) => {
  const pauses: number[] = [];
  const policy: RetryPolicy = { ...retryPolicy, random, sleep: async (ms) => void pauses.push(ms) };
  return { pauses, policy };
};
const retryable = new Error('again');
const failing = (times: number) => {
  let calls = 0;
  const operation = async () => {
    calls += 1;
    if (calls <= times) throw retryable;
    return calls;
  };
  return { operation, calls: () => calls };
};

describe('retrying', () => {
  it('returns as soon as an attempt succeeds, pausing only between attempts', async () => {
    const { pauses, policy } = recording();
    const { operation } = failing(2);
    expect(await retrying(operation, (error) => error === retryable, policy)).toBe(3);
    expect(pauses).toHaveLength(2);
  });

  it('stops after maxAttempts and throws the last failure', async () => {
    const { pauses, policy } = recording();
    const { operation, calls } = failing(Infinity);
    await expect(retrying(operation, (error) => error === retryable, policy)).rejects.toBe(retryable);
    expect(calls()).toBe(retryPolicy.maxAttempts);
    expect(pauses).toHaveLength(retryPolicy.maxAttempts - 1);
  });

  it('passes a non-retryable error through at once', async () => {
    const { pauses, policy } = recording();
    const { operation, calls } = failing(1);
    await expect(retrying(operation, () => false, policy)).rejects.toBe(retryable);
    expect(calls()).toBe(1);
    expect(pauses).toEqual([]);
  });

  it('doubles the pauses: the policy is 6 attempts, pauses of at most 20, 40, 80, 160 and 320 ms', async () => {
    const { pauses, policy } = recording(() => 1 - Number.EPSILON);
    await retrying(failing(Infinity).operation, () => true, policy).catch(() => undefined);
    expect(pauses.map(Math.round)).toEqual([20, 40, 80, 160, 320]);
  });
});

describe('retryDelayMs', () => {
  it('keeps the jitter within the upper half of each ceiling', () => {
    for (let retry = 1; retry <= 5; retry++) {
      const ceiling = retryPolicy.baseDelayMs * 2 ** (retry - 1);
      expect(retryDelayMs(retry, { ...retryPolicy, random: () => 0 })).toBe(ceiling / 2);
      expect(retryDelayMs(retry, { ...retryPolicy, random: () => 0.999_999 })).toBeLessThan(ceiling);
      const sampled = retryDelayMs(retry, retryPolicy);
      expect(sampled).toBeGreaterThanOrEqual(ceiling / 2);
      expect(sampled).toBeLessThan(ceiling);
    }
  });

  it('never pauses longer than maxDelayMs', () => {
    expect(retryDelayMs(30, { ...retryPolicy, random: () => 0.999_999 })).toBeLessThan(retryPolicy.maxDelayMs);
  });
});
