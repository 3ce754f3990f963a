import express, { Router } from 'express';
import { checkJsonDepth } from '../../http/json-depth.js';
import type { Logger } from 'pino';
import type { ChannelInbox } from '../channel-inbox.js';
import { KeyedQueue } from '../../core/keyed-queue.js';
import { AppError, ForbiddenError, UnauthorizedError, UnavailableError } from '../../core/app-error.js';
import type { InboundMessage } from '../../core/messages.js';
import type { DeliveryState } from '../../conversations/message.js';
import type { HumanReply } from '../../handoff/platform-takeover.js';
import type { OfferedChoices } from '../offered-choices.js';
import { zaloContent, zaloReaction, type ZaloContent } from './zalo-content.js';
import { isFollowerMessage, isOaMessage, zaloEventSchema, zaloReceipts, type ZaloEvent } from './zalo-event.js';
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
  /** Records a receipt on the OA message it names (the dispatcher's `recordReceipt`). */
  recordReceipt?: (platformMessageId: string, state: DeliveryState) => Promise<boolean>;
  /** A person answered from Zalo's own OA chat (an `oa_send_*` that is not one of Careline's sends). */
  humanReplied?: (reply: HumanReply) => Promise<boolean>;
  /** Whether Careline sent the message with this Zalo id to this follower. */
  sentByCareline?: (userId: string, messageId: string) => Promise<boolean>;
}

/** How the transcript names a person who answered from Zalo's OA chat tool or app. */
export const zaloHumanName = 'Zalo OA chat';

/** A signed Zalo event whose timestamp is outside the freshness window: 403, nothing is done. */
export class StaleZaloEventError extends AppError {
  constructor(maxAgeMs: number) {
    super(403, 'stale_event', `The event's timestamp is more than ${Math.round(maxAgeMs / 1000)} s away from now; a replayed request is refused.`);
  }
}

/**
 * The Zalo OA webhook (`POST /webhooks/zalo`): checks `X-ZEvent-Signature` over the raw
 * body first (missing: 401, wrong: 403, and nothing is done), refuses a signed timestamp
 * outside the freshness window (403: a captured request cannot be replayed later), then:
 * - a follower's message (`user_send_*`: text, image, gif, sticker, audio, video, file,
 *   location, link, business card) or reaction (`user_reacted_message`) is stored through
 *   the engine, one at a time per follower, and only then answered 200 (Zalo wants it within
 *   2 seconds and redelivers otherwise; storing takes milliseconds). A redelivered event is
 *   answered once: its `msg_id`, or a key derived from the event, is the platform message id;
 * - `oa_send_*`: the echo of Careline's own sends is ignored; any other is a person writing
 *   from Zalo's OA chat, recorded in the transcript, and the bot steps aside;
 * - `user_received_message`, `user_seen_message` are recorded on the message they name;
 * - everything else (follow, unfollow, anonymous visitors, shop, groups, calls, ZNS…) is
 *   acknowledged and ignored.
 */
export function zaloRoutes(deps: ZaloWebhookDeps): Router {
  const router = Router();
  const perFollower = new KeyedQueue();

  /** Stores a follower's message; a failure answers 503 so that Zalo delivers it again. */
  const acceptFromFollower = async (event: ZaloEvent, userId: string, content: ZaloContent) => {
    if (!content.text && content.attachments.length === 0) return; // an empty text: nothing was said
    await perFollower
      .run(userId, async () => {
        const payload = content.text ? await deps.choices.payloadFor(userId, content.text) : undefined;
        const inbound: InboundMessage = {
          channel: 'zalo',
          externalUserId: userId,
          text: content.text,
          ...(content.attachments.length ? { attachments: content.attachments } : {}),
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
  };

  /** An OA message Careline did not send is a person in Zalo's OA chat: the bot steps aside. */
  const oaMessage = async (event: ZaloEvent) => {
    const userId = event.recipient?.id;
    const messageId = event.message?.msg_id;
    if (!userId || !messageId || !deps.humanReplied) return;
    if (await deps.sentByCareline?.(userId, messageId)) return;
    const { text, attachments } = zaloContent(event);
    await deps.humanReplied({ channel: 'zalo', externalUserId: userId, text, ...(attachments.length ? { attachments } : {}), platformMessageId: messageId, at: new Date(Number(event.timestamp)), name: zaloHumanName }).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'recording a reply from Zalo\'s OA chat failed; Zalo will deliver it again');
      throw new UnavailableError('The message could not be stored now; deliver it again.');
    });
  };

  const receipt = async (event: ZaloEvent, status: 'delivered' | 'read') => {
    const ids = [...(event.message?.msg_ids ?? []), ...(event.message?.msg_id ? [event.message.msg_id] : [])];
    const at = new Date(Number(event.timestamp));
    for (const id of new Set(ids)) await deps.recordReceipt?.(id, { status, at });
  };

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
    // A signed body nested deeper than any documented event is refused (400) before anything walks it.
    checkJsonDepth(req, res, req.body as Buffer);

    const parsed = zaloEventSchema.safeParse(json);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'a signed Zalo event did not have the documented shape; ignored');
      res.status(200).json({ ok: true });
      return;
    }
    const event = parsed.data;
    const name = event.event_name;
    if (name === 'user_reacted_message' && event.sender) await acceptFromFollower(event, event.sender.id, { text: '', attachments: [zaloReaction(event)] });
    else if (isFollowerMessage(name) && event.sender) await acceptFromFollower(event, event.sender.id, zaloContent(event));
    else if (isOaMessage(name)) await oaMessage(event);
    else if (zaloReceipts[name]) await receipt(event, zaloReceipts[name]);
    else if (name.startsWith('anonymous_send_')) deps.logger.info({ event: name }, 'a message from a Zalo visitor who does not follow the OA; Careline cannot answer anonymous visitors, acknowledged and ignored');
    else deps.logger.debug({ event: name }, 'a Zalo event Careline does not act on; acknowledged');
    res.status(200).json({ ok: true });
  });
  return router;
}
