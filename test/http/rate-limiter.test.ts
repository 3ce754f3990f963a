import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/http/rate-limiter.js';

describe('RateLimiter', () => {
  describe('at 120 a minute', () => {
    it('lets 120 through at once, refuses the next with the seconds to wait, and gives one back every half second', () => {
      const limiter = new RateLimiter(120);
      const waits = Array.from({ length: 121 }, () => limiter.take('203.0.113.9', 1_000));
      expect(waits.slice(0, 120).every((wait) => wait === 0)).toBe(true);
      expect(waits[120]).toBe(1);
      expect(limiter.take('203.0.113.9', 1_500)).toBe(0);
      expect(limiter.take('203.0.113.9', 1_500)).toBe(1);
      expect(limiter.take('198.51.100.1', 1_500)).toBe(0);
    });
  });

  describe('at 2 a minute', () => {
    it('says to wait up to 30 s', () => {
      const limiter = new RateLimiter(2);
      limiter.take('k', 0);
      limiter.take('k', 0);
      expect(limiter.take('k', 0)).toBe(30);
    });
  });

  describe('at 0', () => {
    it('never refuses and keeps nothing', () => {
      const limiter = new RateLimiter(0);
      for (let i = 0; i < 1000; i++) expect(limiter.take('k', 0)).toBe(0);
      expect(limiter.size).toBe(0);
    });
  });

  describe('its memory', () => {
    it('forgets a key once its bucket is full again', () => {
      const limiter = new RateLimiter(60);
      for (let i = 0; i < 1000; i++) limiter.take(`k${i}`, 0);
      expect(limiter.size).toBe(1000);
      limiter.take('late', 61_000);
      expect(limiter.size).toBe(1);
    });

    it('holds at most its cap of keys', () => {
      const limiter = new RateLimiter(60, 300);
      for (let i = 0; i < 10_000; i++) limiter.take(`k${i}`, i);
      expect(limiter.size).toBe(300);
    });
  });
});
