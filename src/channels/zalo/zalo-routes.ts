import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { ConversationEngine } from '../../engine/conversation-engine.js';
import { KeyedQueue } from '../../engine/keyed-queue.js';
import { AppError, ForbiddenError, UnauthorizedError } from '../../http/app-error.js';
import type { InboundMessage } from '../messages.js';
import type { ZaloChoices } from './zalo-choices.js';
import { userMessageEvents, zaloEventSchema, type ZaloEvent } from './zalo-event.js';
import { isValidZaloSignature } from './zalo-signature.js';

export interface ZaloWebhookDeps {
  appId: string;
  oaSecretKey: string;
  engine: ConversationEngine;
  choices: ZaloChoices;
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

/**
 * The Zalo OA webhook (`POST /webhooks/zalo`): checks `X-ZEvent-Signature` over the raw
 * body first (missing: 401, wrong: 403, and nothing is done), acknowledges at once (Zalo
 * wants a 200 within 2 seconds and redelivers otherwise), then hands follower messages to
 * the engine one at a time per follower. A redelivered `msg_id` is answered once (the
 * engine ignores a repeated platform message id). Receipts (`user_received_message`,
 * `user_seen_message`), `follow` and other events are acknowledged and ignored.
 */
export function zaloRoutes(deps: ZaloWebhookDeps): Router {
  const router = Router();
  const perFollower = new KeyedQueue();

  router.post('/', express.raw({ type: () => true, limit: '256kb' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const signature = req.get('x-zevent-signature');
    if (!signature) throw new UnauthorizedError('The X-ZEvent-Signature header is missing.');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new AppError(400, 'invalid_request', `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const timestamp = json && typeof json === 'object' && 'timestamp' in json ? String(json.timestamp) : '';
    if (!isValidZaloSignature(signature, deps.appId, raw, timestamp, deps.oaSecretKey)) throw new ForbiddenError('The X-ZEvent-Signature does not match the body.');

    res.status(200).json({ ok: true });

    const parsed = zaloEventSchema.safeParse(json);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'a signed Zalo event did not have the documented shape; ignored');
      return;
    }
    const event = parsed.data;
    if (!userMessageEvents.has(event.event_name) || !event.sender) return;
    const userId = event.sender.id;
    void perFollower
      .run(userId, async () => {
        const text = (event.message?.text ?? '').trim() || describeAttachments(event);
        if (!text) return;
        const payload = await deps.choices.payloadFor(userId, text);
        const inbound: InboundMessage = {
          channel: 'zalo',
          externalUserId: userId,
          text,
          address: { userId },
          receivedAt: new Date(),
          ...(payload ? { payload } : {}),
          ...(event.message?.msg_id ? { platformMessageId: event.message.msg_id } : {}),
        };
        await deps.engine.handle(inbound);
      })
      .catch((error: unknown) => deps.logger.error({ err: error, event: event.event_name }, 'handling a Zalo message failed'));
  });
  return router;
}
