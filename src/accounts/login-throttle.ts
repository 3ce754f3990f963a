/**
 * Limits failed logins per key (e-mail and client address): at most `limit` failures in
 * `windowMs`; in memory, which is enough for one process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
  ) {}

  /** Milliseconds until the key may try again, 0 if it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    this.failures.set(key, recent);
    return recent.length >= this.limit ? this.windowMs - (now - recent[0]!) : 0;
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
