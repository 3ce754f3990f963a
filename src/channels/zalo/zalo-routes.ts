import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { ChannelInbox } from '../channel-inbox.js';
import { KeyedQueue } from '../../core/keyed-queue.js';
import { AppError, ForbiddenError, UnauthorizedError, UnavailableError } from '../../core/app-error.js';
import type { InboundMessage } from '../../core/messages.js';
import type { OfferedChoices } from '../offered-choices.js';
import { userMessageEvents, zaloEventSchema, type ZaloEvent } from './zalo-event.js';
import { isFreshZaloEvent, zaloEventKey } from './zalo-event-key.js';
import { isValidZaloSignature } from './zalo-signature.js';

export interface ZaloWebhookDeps {
  appId: string;
  oaSecretKey: string;
  /** How far a signed timestamp may be from now (`ZALO_MAX_EVENT_AGE_S`). */
  maxEventAgeMs: number;
  inbox: ChannelInbox;
  choices: OfferedChoices;
  logger: Logger;
}

/** What an event without text stands for in the transcript (an image, a sticker, a file…). */
function describeAttachments(event: ZaloEvent): string {
  const parts = (event.message?.attachments ?? []).map((attachment) => {
    const url = attachment.payload?.url;
    return url ? `[${attachment.type}] ${url}` : `[${attachment.type}]`;
  });
  return parts.join('\n');
}

/** A signed Zalo event whose timestamp is outside the freshness window: 403, nothing is done. */
export class StaleZaloEventError extends AppError {
  constructor(maxAgeMs: number) {
    super(403, 'stale_event', `The event's timestamp is more than ${Math.round(maxAgeMs / 1000)} s away from now; a replayed request is refused.`);
  }
}

/**
 * The Zalo OA webhook (`POST /webhooks/zalo`): checks `X-ZEvent-Signature` over the raw
 * body first (missing: 401, wrong: 403, and nothing is done), refuses a signed timestamp
 * outside the freshness window (403: a captured request cannot be replayed later), stores
 * a follower's message through the engine and only then answers 200 (Zalo wants it within
 * 2 seconds and redelivers otherwise; storing takes milliseconds); the turn runs on, one
 * at a time per follower. A redelivered event is answered once: its `msg_id`, or a key
 * derived from the event when it has none, is the platform message id. Receipts
 * (`user_received_message`, `user_seen_message`), `follow` and other events are
 * acknowledged and ignored.
 */
export function zaloRoutes(deps: ZaloWebhookDeps): Router {
  const router = Router();
  const perFollower = new KeyedQueue();

  router.post('/', express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const signature = req.get('x-zevent-signature');
    if (!signature) throw new UnauthorizedError('The X-ZEvent-Signature header is missing.');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new AppError(400, 'invalid_request', `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Only a string or number is a timestamp: String() of a deeply nested array would overflow the stack.
    const stamp = json && typeof json === 'object' && 'timestamp' in json ? json.timestamp : undefined;
    const timestamp = typeof stamp === 'string' || typeof stamp === 'number' ? String(stamp) : '';
    if (!isValidZaloSignature(signature, deps.appId, raw, timestamp, deps.oaSecretKey)) throw new ForbiddenError('The X-ZEvent-Signature does not match the body.');
    if (!isFreshZaloEvent(timestamp, deps.maxEventAgeMs)) throw new StaleZaloEventError(deps.maxEventAgeMs);

    const parsed = zaloEventSchema.safeParse(json);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'a signed Zalo event did not have the documented shape; ignored');
      res.status(200).json({ ok: true });
      return;
    }
    const event = parsed.data;
    const text = (event.message?.text ?? '').trim() || describeAttachments(event);
    if (!userMessageEvents.has(event.event_name) || !event.sender || !text) {
      res.status(200).json({ ok: true });
      return;
    }
    const userId = event.sender.id;
    const accepted = await perFollower
      .run(userId, async () => {
      const payload = await deps.choices.payloadFor(userId, text);
      const inbound: InboundMessage = {
        channel: 'zalo',
        externalUserId: userId,
        text,
        address: { userId },
        receivedAt: new Date(),
        ...(payload ? { payload } : {}),
        platformMessageId: zaloEventKey(event),
      };
      return deps.inbox.accept(inbound);
      })
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'storing a Zalo message failed; Zalo will deliver it again');
        throw new UnavailableError('The message could not be stored now; deliver it again.');
      });
    res.status(200).json({ ok: true });
  });
  return router;
}
