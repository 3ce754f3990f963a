import type { Router } from 'express';
import { shapeOf } from './value-shape.js';
import type { Logger } from 'pino';
import type { HumanReply } from '../../handoff/platform-takeover.js';
import type { ChannelInbox } from '../channel-inbox.js';
import { messagingEchoes, messagingInbound, messagingWebhookSchema } from './messaging-webhook.js';
import { metaWebhookRoutes } from './meta-webhook-routes.js';

/** What a Messenger or Instagram webhook needs. */
export interface MessagingRoutesDeps {
  appSecret: string;
  verifyToken: string;
  inbox: ChannelInbox;
  logger: Logger;
  /** A person answered from the platform's own app (an echo that is not one of Careline's sends). */
  humanReplied?: (reply: HumanReply) => Promise<boolean>;
  /** Whether Careline sent the message with this platform id (an echo of its own send). */
  sentByCareline?: (userId: string, platformMessageId: string) => Promise<boolean>;
}

/**
 * The webhook of a Send API platform (`page` for Messenger, `instagram` for Instagram):
 * verified, each customer message stored through the engine in order, then acknowledged.
 * An event that does not fit is logged and skipped; the rest of the delivery is handled.
 */
export function messagingRoutes(channel: 'messenger' | 'instagram', object: 'page' | 'instagram', { appSecret, verifyToken, inbox, logger, humanReplied, sentByCareline }: MessagingRoutesDeps): Router {
  const name = channel === 'messenger' ? 'Page inbox' : 'Instagram app';
  return metaWebhookRoutes({
    appSecret,
    verifyToken,
    logger,
    schema: messagingWebhookSchema(object),
    accept: async (payload) => {
      const skipped = (reason: string, event: unknown) => logger.warn({ channel, reason, shape: shapeOf(event) }, 'skipped a webhook event that does not fit');
      // One turn that fails does not cost the rest of the batch its answer (the inbox logs it).
      for (const inbound of messagingInbound(channel, payload, new Date(), skipped)) await inbox.accept(inbound);
      // Echoes: Careline's own sends are known by their marker or id; any other is a person in the platform's app.
      if (!humanReplied) return;
      for (const echo of messagingEchoes(payload, new Date())) {
        if (echo.ours || (await sentByCareline?.(echo.userId, echo.mid))) continue;
        await humanReplied({ channel, externalUserId: echo.userId, text: echo.text, ...(echo.attachments.length ? { attachments: echo.attachments } : {}), platformMessageId: echo.mid, at: echo.at, name });
      }
    },
  });
}
