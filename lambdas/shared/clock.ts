/**
 * The one source of time for domain code. Handlers read `clock.now()` once per request and pass
 * the instant down, so a request sees one consistent time; the test suite installs its own clock
 * here (test/clock.ts), so no test depends on today's date.
 *
 * Nothing may read this clock when a module loads: a time remembered from start-up goes wrong as
 * soon as the clock is set, pinned or stepped backwards (NTP corrects containers' clocks too).
 */
export const clock = {
  now: (): number => Date.now(),
};

/**
 * "At most once per `intervalMs`" for background work (flushes), by the times its caller passes in.
 * The first look starts the interval. A clock that steps backwards ends it at once: waiting for the
 * remembered time to come back could take hours, and nothing would be flushed meanwhile.
 */
export class Interval {
  private startMs: number | undefined;

  /** Public so that tests can make the work due on every call. */
  constructor(public intervalMs: number) {}

  due(nowMs: number): boolean {
    this.startMs ??= nowMs;
    const elapsedMs = nowMs - this.startMs;
    return elapsedMs < 0 || elapsedMs >= this.intervalMs;
  }

  restart(nowMs: number): void {
    this.startMs = nowMs;
  }
}
