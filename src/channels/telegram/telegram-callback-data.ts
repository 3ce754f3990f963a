import { createHash } from 'node:crypto';

/** Telegram's limit on an inline button's `callback_data`, in bytes. */
export const callbackDataLimit = 64;

const hashedPrefix = '#';

/**
 * The `callback_data` of a button: the payload itself when it fits in 64 bytes, else `#`
 * and a hash of it. A hashed payload is found again in the transcript of the conversation
 * the button was sent in (`isHashedCallbackData`), so it survives restarts with no table.
 */
export function toCallbackData(payload: string): string {
  if (Buffer.byteLength(payload) <= callbackDataLimit && !payload.startsWith(hashedPrefix)) return payload;
  return `${hashedPrefix}${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}`;
}

/** True when `data` is a hash that must be looked up among the buttons sent earlier. */
export function isHashedCallbackData(data: string): boolean {
  return data.startsWith(hashedPrefix);
}
