import { createHash } from 'node:crypto';
import type { ZaloEvent } from './zalo-event.js';

/**
 * The duplicate key of a follower's Zalo event: its `msg_id`, or, for events that carry
 * none, a hash of what the signature covers and identifies it (event, sender, timestamp,
 * message), so ten replays of one such event are answered once. A reaction's `msg_id` names
 * the message reacted to (two reactions to one message are two events), so it is hashed too.
 */
export function zaloEventKey(event: ZaloEvent): string {
  if (event.message?.msg_id && event.event_name !== 'user_reacted_message') return event.message.msg_id;
  const message = event.message;
  const identity = JSON.stringify([event.event_name, event.sender?.id ?? '', event.timestamp, message?.text ?? '', message?.attachments ?? [], message?.msg_id ?? '', message?.react_icon ?? '']);
  return `derived:${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}`;
}

/**
 * Whether a signed event's timestamp (milliseconds, as Zalo sends it) lies within
 * `maxAgeMs` of now, either way: an older one is a replay of a captured request.
 */
export function isFreshZaloEvent(timestamp: string, maxAgeMs: number, now = Date.now()): boolean {
  const at = Number(timestamp);
  return Number.isFinite(at) && Math.abs(now - at) <= maxAgeMs;
}
