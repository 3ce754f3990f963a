import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/accounts/login-throttle.js';

describe('LoginThrottle', () => {
  describe('when 40 attempts for one e-mail arrive before any password was checked', () => {
    it('lets 5 through and tells the rest how long to wait', () => {
      const throttle = new LoginThrottle(5, 60_000);
      const answers = Array.from({ length: 40 }, (_, i) => throttle.reserve('email:lan@shop.example', `ip:198.51.100.${i}`, 1_000));
      expect(answers.filter((answer) => answer.attempt)).toHaveLength(5);
      expect(answers.slice(5).every((answer) => answer.retryAfterMs === 60_000)).toBe(true);
    });
  });

  describe('per client address', () => {
    it('stops an address trying many e-mails after 5', () => {
      const throttle = new LoginThrottle(5, 60_000);
      const answers = Array.from({ length: 30 }, (_, i) => throttle.reserve(`email:user-${i}@shop.example`, 'ip:203.0.113.9', 1_000));
      expect(answers.filter((answer) => answer.attempt)).toHaveLength(5);
    });
  });

  describe('after a right password', () => {
    it('forgives the e-mail its failures and does not count the attempt against the address', () => {
      const throttle = new LoginThrottle(2, 60_000);
      throttle.reserve('email:lan@shop.example', 'ip:a', 1_000);
      throttle.reserve('email:lan@shop.example', 'ip:b', 1_001).attempt!.succeeded();
      expect(throttle.reserve('email:lan@shop.example', 'ip:a', 1_002).attempt).not.toBeNull();
      // ip:a now holds two failures, ip:b none: a right password did not count.
      expect(throttle.reserve('email:other@shop.example', 'ip:a', 1_003).attempt).toBeNull();
      expect(throttle.reserve('email:other@shop.example', 'ip:b', 1_004).attempt).not.toBeNull();
    });
  });

  describe('its memory', () => {
    it('forgets keys whose minute has passed', () => {
      const throttle = new LoginThrottle(5, 60_000);
      for (let i = 0; i < 1000; i++) throttle.reserve(`email:u${i}@x.example`, `ip:10.0.${i >> 8}.${i & 255}`, 1_000);
      expect(throttle.size).toBe(2000);
      throttle.reserve('email:late@x.example', 'ip:10.9.9.9', 61_001);
      expect(throttle.size).toBe(2);
    });

    it('holds at most its cap of keys, however many arrive within a minute', () => {
      const throttle = new LoginThrottle(5, 60_000, 500);
      for (let i = 0; i < 5000; i++) throttle.reserve(`email:u${i}@x.example`, `ip:${i}`, 1_000 + i);
      expect(throttle.size).toBe(500);
    });
  });
});
