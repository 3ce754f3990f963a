import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A widget session token: 32 random bytes, base64url. Knowing it proves being that visitor. */
export const webchatTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'expected the session token the widget received from POST /api/webchat/session' });

export function newWebchatToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The visitor id stored as the customer's web chat identity: a hash of the token, so the
 * store never holds a token that would let someone read the conversation.
 */
export function visitorIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}
