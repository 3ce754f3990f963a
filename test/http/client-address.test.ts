import type { IncomingMessage } from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddressOf, type TrustProxyFn } from '../../src/http/client-address.js';

const request = (remoteAddress: string, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

/** The trust function express compiles from a `trust proxy` setting, as the app uses it. */
const trustOf = (setting: unknown): TrustProxyFn => express().set('trust proxy', setting).get('trust proxy fn') as TrustProxyFn;

describe('clientAddressOf (WebSocket upgrades)', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.5'), trustOf(false))).toBe('127.0.0.1');
  });

  it('takes the address a trusted proxy names, and stops at the first hop it does not trust', () => {
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.5'), trustOf(['loopback']))).toBe('203.0.113.5');
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1, 203.0.113.5'), trustOf(['loopback']))).toBe('203.0.113.5');
    expect(clientAddressOf(request('10.1.2.3', '203.0.113.5'), trustOf(['loopback']))).toBe('10.1.2.3');
    expect(clientAddressOf(request('10.1.2.3', '198.51.100.1, 203.0.113.5'), trustOf(2))).toBe('198.51.100.1');
  });
});

describe('addressKey', () => {
  it('counts IPv4 (also IPv4-mapped) addresses singly and IPv6 ones by their /64', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey(undefined)).toBe('unknown');
  });
});
