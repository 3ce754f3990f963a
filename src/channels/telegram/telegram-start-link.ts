import { createHmac, timingSafeEqual } from 'node:crypto';

const signatureLength = 16;

function sign(customerId: string, key: string): string {
  return createHmac('sha256', `careline-telegram-start:${key}`).update(customerId).digest('base64url').slice(0, signatureLength);
}

/**
 * The `/start` payload of a deep link (`https://t.me/<bot>?start=<payload>`) naming a known
 * customer: the customer id and a signature keyed by the bot token, so nobody can make a
 * link to someone else's history. Fits Telegram's 64 characters of `A-Z a-z 0-9 _ -` for
 * Careline's ids (`cus_…`, 26 characters).
 */
export function telegramStartPayload(customerId: string, botToken: string): string {
  return `${customerId}-${sign(customerId, botToken)}`;
}

/** The customer id a `/start` payload names, or null when it is not one this bot signed. */
export function customerIdOfStartPayload(payload: string, botToken: string): string | null {
  // The signature is base64url and may itself contain `-`: it is the fixed-length tail.
  const at = payload.length - signatureLength - 1;
  if (at <= 0 || payload[at] !== '-') return null;
  const customerId = payload.slice(0, at);
  const given = Buffer.from(payload.slice(at + 1));
  const expected = Buffer.from(sign(customerId, botToken));
  return given.length === expected.length && timingSafeEqual(given, expected) ? customerId : null;
}
