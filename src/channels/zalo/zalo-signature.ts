import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The `X-ZEvent-Signature` Zalo puts on every OA webhook call:
 * `mac=` + hex(SHA-256(appId + rawBody + timestamp + oaSecretKey)), where `timestamp` is the
 * `timestamp` field of the JSON body and the key is the OA secret key (not the app secret).
 * Source: Zalo's OA webhook documentation ("Xác thực Webhook", developers.zalo.me), as
 * implemented by Chatwoot's `Webhooks::ZaloEventsJob#validate_signature`. Plain SHA-256 over
 * the concatenation, not an HMAC.
 */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash('sha256').update(appId + rawBody + timestamp + oaSecretKey, 'utf8').digest('hex')}`;
}

/** Whether `header` is the right signature, compared in constant time (`mac=` prefix optional). */
export function isValidZaloSignature(header: string, appId: string, rawBody: string, timestamp: string, oaSecretKey: string): boolean {
  const expected = Buffer.from(zaloSignature(appId, rawBody, timestamp, oaSecretKey));
  const given = Buffer.from(header.trim().toLowerCase().startsWith('mac=') ? header.trim().toLowerCase() : `mac=${header.trim().toLowerCase()}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
