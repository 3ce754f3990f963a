import { ExpiringMap } from './expiring-map.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key, in memory: each key may make `perMinute` requests at once and
 * gets them back evenly over a minute. `perMinute` 0 means no limit. A full bucket is
 * forgotten (it reads the same as a new one), so memory holds only recently busy keys, and
 * at most `maxKeys` of them.
 */
export class RateLimiter {
  private readonly buckets: ExpiringMap<Bucket>;
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    maxKeys = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
    this.buckets = new ExpiringMap({ maxKeys, pruneEveryMs: 60_000, isExpired: (bucket, now) => this.level(bucket, now) >= perMinute });
  }

  /** How many keys are held now (for tests of its memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one request from `key`'s bucket: 0 when it may go ahead, else the whole seconds until it may. */
  take(key: string, now = Date.now()): number {
    if (this.perMinute === 0) return 0;
    const bucket = this.buckets.get(key, now);
    const tokens = bucket ? this.level(bucket, now) : this.perMinute;
    if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
    this.buckets.set(key, { tokens: tokens - 1, at: now }, now);
    return 0;
  }

  private level(bucket: Bucket, now: number): number {
    return Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
  }
}
