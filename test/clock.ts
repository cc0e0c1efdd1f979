import { clock } from '../lambdas/shared/clock.ts';

/**
 * The suite's one clock. test/setup.ts installs it as the domain clock of every test file before
 * the file's imports, so neither a test nor the code it drives ever sees today's date: each file's
 * time starts at `testEpochMs` and runs with real elapsed time until a test pins it. Tests build
 * every instant from `testClock.at(...)` or `testClock.now()`, never from `Date.now()`.
 *
 * A pin lasts until the file pins again or calls `reset()`: files that warm a cache and
 * then need it warm pin the clock for the whole file instead of racing a slow runner.
 */

/**
 * A fixed instant at the start of a year: a file's unpinned clock stays in its first minute unless
 * the file runs longer, and calendar edges can be pinned as `Date.UTC(2030, ...)`, never before it.
 */
export const testEpochMs = Date.UTC(2030, 0, 1);

// Elapsed time comes from the monotonic clock, so even a wall clock stepped meanwhile cannot move it backwards.
const fileStart = { atMs: testEpochMs, monotonicMs: performance.now() };
let origin = fileStart;
let pinnedMs: number | undefined;

export const testClock = {
  // Whole milliseconds, as Date.now() gives them: a fractional instant would reach answers and stored items.
  now: (): number => pinnedMs ?? origin.atMs + Math.floor(performance.now() - origin.monotonicMs),
  /** The instant `offsetMs` after the suite's epoch. */
  at: (offsetMs: number): number => testEpochMs + offsetMs,
  /** Stops the clock at `ms` (epoch milliseconds). */
  pin(ms: number): number {
    pinnedMs = ms;
    return ms;
  },
  /** Moves the clock `ms` forward (pinned or running; it stays as it was). */
  advance(ms: number): number {
    if (pinnedMs === undefined) origin = { atMs: origin.atMs + ms, monotonicMs: origin.monotonicMs };
    else pinnedMs += ms;
    return testClock.now();
  },
  /** Back to the unpinned clock of the file: the epoch plus the real time elapsed since the file started. */
  reset(): void {
    origin = fileStart;
    pinnedMs = undefined;
  },
};

export const installTestClock = () => {
  clock.now = testClock.now;
};
