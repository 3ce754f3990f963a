import { isIP } from 'node:net';
import { z } from 'zod';

const names = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(item: string): boolean {
  if (names.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const expected = 'expected a hop count (1, 2, …), or a comma-separated list of proxy addresses: loopback, linklocal, uniquelocal, IPs or CIDRs such as 10.0.0.0/8';

/** Which proxies to trust: none (`false`), the nearest `n` hops, or those addresses and networks. */
export type TrustProxy = false | number | string[];

function parseTrustProxy(value: unknown): TrustProxy | string {
  if (value === false) return false;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 100 ? value || false : expected;
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!items) return expected;
  const list = items.map((item) => String(item).trim().toLowerCase()).filter(Boolean);
  if (list.length === 0 || (list.length === 1 && ['false', 'none'].includes(list[0]!))) return false;
  if (list.length === 1 && /^\d+$/.test(list[0]!)) return parseTrustProxy(Number(list[0]));
  if (list.includes('true')) return `"true" would let any client choose its own address; ${expected}`;
  const bad = list.filter((item) => !isProxyAddress(item));
  return bad.length > 0 ? `${bad.map((item) => `"${item}"`).join(', ')} is not an address; ${expected}` : list;
}

/**
 * `TRUST_PROXY`: which proxies may name the client in `X-Forwarded-For`, as express's
 * `trust proxy` takes it. Unset, `false` or `0` trusts none: the client address is the
 * connection's. `true` (trust anyone) is refused, since any client could then choose its
 * own address. Examples: `loopback`, `10.0.0.0/8, 192.168.1.7`, `1` (one proxy in front).
 */
export const trustProxySchema = z.unknown().transform((value, context): TrustProxy => {
  const parsed = parseTrustProxy(value);
  if (typeof parsed !== 'string') return parsed;
  context.addIssue({ code: 'custom', message: parsed });
  return z.NEVER;
});
