/**
 * A small per-container cache whose entries expire after `ttlMs` (by the times the caller passes in) and whose
 * size is bounded, oldest entries first out, so a flood of distinct keys cannot exhaust memory.
 */
export class ExpiringCache<Value> {
  private readonly entries = new Map<string, { value: Value; storedAtMs: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The cached value, or `load()`'s (then cached) when there is none or it is older than `ttlMs`. */
  async get(key: string, nowMs: number, load: () => Promise<Value>): Promise<Value> {
    const entry = this.entries.get(key);
    if (entry && this.isFresh(entry.storedAtMs, nowMs)) return entry.value;
    const value = await load();
    this.set(key, value, nowMs);
    return value;
  }

  /** The cached value if it is fresh, without loading anything. */
  peek(key: string, nowMs: number): Value | undefined {
    const entry = this.entries.get(key);
    return entry && this.isFresh(entry.storedAtMs, nowMs) ? entry.value : undefined;
  }

  set(key: string, value: Value, nowMs: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!); // Map iterates in insertion order
    this.entries.set(key, { value, storedAtMs: nowMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  // An entry stored "in the future" (the clock stepped back since) is stale, not fresh for hours.
  private isFresh(storedAtMs: number, nowMs: number): boolean {
    return nowMs >= storedAtMs && nowMs - storedAtMs < this.ttlMs;
  }
}
