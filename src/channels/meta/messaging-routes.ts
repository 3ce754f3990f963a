import type { Router } from 'express';
import type { Logger } from 'pino';
import type { ConversationEngine } from '../../engine/conversation-engine.js';
import { messagingInbound, messagingWebhookSchema } from './messaging-webhook.js';
import { metaWebhookRoutes } from './meta-webhook-routes.js';

/** What a Messenger or Instagram webhook needs. */
export interface MessagingRoutesDeps {
  appSecret: string;
  verifyToken: string;
  engine: ConversationEngine;
  logger: Logger;
}

/**
 * The webhook of a Send API platform (`page` for Messenger, `instagram` for Instagram):
 * verified, each customer message stored through the engine in order, then acknowledged.
 */
export function messagingRoutes(channel: 'messenger' | 'instagram', object: 'page' | 'instagram', { appSecret, verifyToken, engine, logger }: MessagingRoutesDeps): Router {
  return metaWebhookRoutes({
    appSecret,
    verifyToken,
    logger,
    schema: messagingWebhookSchema(object),
    accept: async (payload) => {
      for (const inbound of messagingInbound(channel, payload)) {
        const { turn } = await engine.accept(inbound);
        // One turn that fails must not cost the rest of the batch its answer.
        turn.catch((error: unknown) => logger.error({ err: error, channel, platformMessageId: inbound.platformMessageId }, 'handling a customer message failed'));
      }
    },
  });
}
