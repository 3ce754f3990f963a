/** How an `ExpiringMap` bounds itself. */
export interface ExpiringMapOptions<V> {
  /** Most keys held; past it the oldest key is dropped. */
  maxKeys: number;
  /** How often, at most, every entry is checked for expiry (ms). */
  pruneEveryMs: number;
  /** Whether an entry no longer matters at `now` (it reads as absent then). */
  isExpired: (value: V, now: number) => boolean;
}

/**
 * An in-memory map of per-client counters (login failures, rate-limit buckets) whose memory
 * stays bounded whatever clients send: expired entries are dropped on read and in a sweep
 * at most every `pruneEveryMs` (so the cost is spread over many calls), and past `maxKeys`
 * the oldest key is dropped.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, V>();
  private lastPrune = 0;

  constructor(private readonly options: ExpiringMapOptions<V>) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined || !this.options.isExpired(value, now)) return value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, now: number): void {
    if (now - this.lastPrune >= this.options.pruneEveryMs) this.prune(now);
    if (!this.entries.has(key)) {
      while (this.entries.size >= Math.max(1, this.options.maxKeys)) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private prune(now: number): void {
    this.lastPrune = now;
    for (const [key, value] of this.entries) if (this.options.isExpired(value, now)) this.entries.delete(key);
  }
}
