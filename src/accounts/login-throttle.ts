import { ExpiringMap } from '../http/expiring-map.js';

/** One login attempt let through: it counts as a failure unless it `succeeded()`. */
export interface LoginAttempt {
  /** The password was right: this attempt no longer counts, and the e-mail's failures are forgiven. */
  succeeded(): void;
}

/** What `LoginThrottle.reserve` answered: an attempt, or how long to wait. */
export type LoginReservation = { attempt: LoginAttempt; retryAfterMs: 0 } | { attempt: null; retryAfterMs: number };

/**
 * Limits login attempts per e-mail and per client address: at most `limit` in `windowMs`,
 * where an attempt counts from the moment it is let through (before the password is
 * checked), so concurrent guesses cannot all slip past the limit; a right password takes
 * its attempt back. In memory, which is enough for one process, and bounded: expired keys
 * are pruned and at most `maxKeys` are kept.
 */
export class LoginThrottle {
  private readonly attempts: ExpiringMap<number[]>;

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    maxKeys = 50_000,
  ) {
    this.attempts = new ExpiringMap({ maxKeys, pruneEveryMs: windowMs, isExpired: (times, now) => times.every((at) => now - at >= windowMs) });
  }

  /** How many keys are held now (for tests of its memory bound). */
  get size(): number {
    return this.attempts.size;
  }

  /**
   * Lets one attempt through for `emailKey` and `addressKey` and counts it on both, or, when
   * either is at its limit, counts nothing and says how long to wait.
   */
  reserve(emailKey: string, addressKey: string, now = Date.now()): LoginReservation {
    const keys = [emailKey, addressKey];
    const recent = keys.map((key) => (this.attempts.get(key, now) ?? []).filter((at) => now - at < this.windowMs));
    const full = recent.filter((times) => times.length >= this.limit);
    if (full.length > 0) return { attempt: null, retryAfterMs: Math.max(...full.map((times) => this.windowMs - (now - times[0]!))) };
    keys.forEach((key, i) => this.attempts.set(key, [...recent[i]!, now], now));
    return {
      retryAfterMs: 0,
      attempt: {
        succeeded: () => {
          this.attempts.delete(emailKey);
          const times = this.attempts.get(addressKey, Date.now());
          const index = times?.indexOf(now) ?? -1;
          if (times && index >= 0) times.splice(index, 1);
        },
      },
    };
  }
}
