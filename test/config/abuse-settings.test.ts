import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadCarelineConfig({ env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the trusted-proxy, chat API and rate-limit settings', () => {
  describe('by default', () => {
    it('trust no proxy, keep the chat API off and limit 120 requests per address and 30 messages per sender a minute', () => {
      const config = loadCarelineConfig({ env: {} });
      expect(config.trustProxy).toBe(false);
      expect(config.channels.rest.apiKey).toBeUndefined();
      expect(config.rateLimits).toEqual({ perAddressPerMinute: 120, perSenderPerMinute: 30 });
    });
  });

  describe('TRUST_PROXY', () => {
    it('takes proxy names, addresses and networks, or a hop count', () => {
      expect(loadCarelineConfig({ env: { TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::/32, 192.168.1.7' } }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::/32', '192.168.1.7']);
      expect(loadCarelineConfig({ env: { TRUST_PROXY: '2' } }).trustProxy).toBe(2);
      expect(loadCarelineConfig({ env: { TRUST_PROXY: '0' } }).trustProxy).toBe(false);
      expect(loadCarelineConfig({ env: { TRUST_PROXY: 'false' } }).trustProxy).toBe(false);
    });

    it('refuses "true" (anyone could pick their address) and anything that is not an address', () => {
      expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual([expect.stringMatching(/^TRUST_PROXY \(environment variable\) is "true": "true" would let any client choose its own address; expected a hop count/)]);
      expect(problemsOf({ TRUST_PROXY: 'loopback, proxy.internal' })[0]).toMatch(/^TRUST_PROXY .*"proxy.internal" is not an address; expected a hop count/);
      expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })[0]).toMatch(/^TRUST_PROXY /);
    });
  });

  describe('REST_API_KEY', () => {
    it('turns the chat API on with a key of 16 characters or more', () => {
      expect(loadCarelineConfig({ env: { REST_API_KEY: 'a'.repeat(16) } }).channels.rest.apiKey).toBe('a'.repeat(16));
      expect(problemsOf({ REST_API_KEY: 'short' })).toEqual([expect.stringMatching(/^REST_API_KEY \(environment variable\) is \(a secret value\): expected at least 16 characters/)]);
    });
  });

  describe('RATE_LIMIT_PER_MINUTE and RATE_LIMIT_PER_SENDER_PER_MINUTE', () => {
    it('take whole numbers, 0 for no limit', () => {
      expect(loadCarelineConfig({ env: { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_SENDER_PER_MINUTE: '1000000' } }).rateLimits).toEqual({ perAddressPerMinute: 0, perSenderPerMinute: 1_000_000 });
      expect(problemsOf({ RATE_LIMIT_PER_MINUTE: '-1' })[0]).toMatch(/^RATE_LIMIT_PER_MINUTE .*whole number/);
    });
  });
});
