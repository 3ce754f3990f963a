import { createHmac, timingSafeEqual } from 'node:crypto';

/** What checking `X-Hub-Signature-256` found. */
export type SignatureCheck = 'valid' | 'missing' | 'invalid';

const signaturePattern = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: the HMAC-SHA256 of the raw
 * request body, keyed with the app secret, compared in constant time. Must run on the
 * bytes as received, before any JSON parsing (re-serialized JSON would not match).
 */
export function checkMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): SignatureCheck {
  if (!header) return 'missing';
  const match = signaturePattern.exec(header.trim());
  if (!match) return 'invalid';
  const given = Buffer.from(match[1]!, 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid';
}

/** The header value Meta would send for `rawBody`; for tests and tools that sign payloads. */
export function metaSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
