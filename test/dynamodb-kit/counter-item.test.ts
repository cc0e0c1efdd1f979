import { describe, expect, it } from 'vitest';
import { epochSeconds, expiryAfter, isLive, maxCounterValue, staysInRange } from '../../lambdas/shared/counter-item.ts';

const nowMs = Date.UTC(2026, 10, 22, 10, 0, 0, 900);
const nowSeconds = Math.floor(nowMs / 1000);

describe('counter items', () => {
  it('are live until their expiresAt second, and forever without one', () => {
    expect(isLive({ expiresAt: nowSeconds + 1 }, nowMs)).toBe(true);
    expect(isLive({ expiresAt: nowSeconds }, nowMs)).toBe(false);
    expect(isLive({ value: 3 }, nowMs)).toBe(true);
    expect(isLive(undefined, nowMs)).toBe(false);
  });

  it('expire a lifetime after the current epoch second', () => {
    expect(epochSeconds(nowMs)).toBe(nowSeconds);
    expect(expiryAfter(nowMs, 60)).toBe(nowSeconds + 60);
  });

  it('bound the current value so that adding the amount stays a safe integer', () => {
    expect(staysInRange(5)).toEqual({ condition: '#value <= :bound', bound: maxCounterValue - 5 });
    expect(staysInRange(-5)).toEqual({ condition: '#value >= :bound', bound: -maxCounterValue + 5 });
    expect(staysInRange(0).bound).toBe(maxCounterValue);
  });
});
