import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** express's compiled `trust proxy` setting: whether the address `hop` hops from us is a trusted proxy. */
export type TrustProxyFn = (address: string, hop: number) => boolean;

/**
 * The client's address as express's `req.ip` reads it, for requests express does not see
 * (WebSocket upgrades): the connection's peer, unless it is a trusted proxy; then the
 * address it names in `X-Forwarded-For`, walking back while each hop is trusted.
 */
export function clientAddressOf(request: IncomingMessage, trust: TrustProxyFn): string {
  const forwarded = String(request.headers['x-forwarded-for'] ?? '').split(',').map((part) => part.trim()).filter(Boolean).reverse();
  const hops = [request.socket.remoteAddress ?? '', ...forwarded];
  for (let hop = 0; hop < hops.length - 1; hop++) if (!trust(hops[hop]!, hop)) return hops[hop]!;
  return hops.at(-1)!;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
}

/**
 * The key a client address is counted under by the throttles: an IPv4 address (also when
 * IPv4-mapped, `::ffff:1.2.3.4`) as it is, an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address.split('%')[0]!.toLowerCase()).slice(0, 4).map((part) => part.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
