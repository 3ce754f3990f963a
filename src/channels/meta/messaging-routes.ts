import type { Router } from 'express';
import type { Logger } from 'pino';
import type { ChannelInbox } from '../channel-inbox.js';
import { messagingInbound, messagingWebhookSchema } from './messaging-webhook.js';
import { metaWebhookRoutes } from './meta-webhook-routes.js';

/** What a Messenger or Instagram webhook needs. */
export interface MessagingRoutesDeps {
  appSecret: string;
  verifyToken: string;
  inbox: ChannelInbox;
  logger: Logger;
}

/**
 * The webhook of a Send API platform (`page` for Messenger, `instagram` for Instagram):
 * verified, each customer message stored through the engine in order, then acknowledged.
 * An event that does not fit is logged and skipped; the rest of the delivery is handled.
 */
export function messagingRoutes(channel: 'messenger' | 'instagram', object: 'page' | 'instagram', { appSecret, verifyToken, inbox, logger }: MessagingRoutesDeps): Router {
  return metaWebhookRoutes({
    appSecret,
    verifyToken,
    logger,
    schema: messagingWebhookSchema(object),
    accept: async (payload) => {
      const skipped = (reason: string, event: unknown) => logger.warn({ channel, reason, event }, 'skipped a webhook event that does not fit');
      // One turn that fails does not cost the rest of the batch its answer (the inbox logs it).
      for (const inbound of messagingInbound(channel, payload, new Date(), skipped)) await inbox.accept(inbound);
    },
  });
}
