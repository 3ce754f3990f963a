import type { Router } from 'express';
import { shapeOf } from '../meta/value-shape.js';
import type { Logger } from 'pino';
import type { CustomerRepository } from '../../customers/customer-repository.js';
import type { ChannelInbox } from '../channel-inbox.js';
import { metaWebhookRoutes } from '../meta/meta-webhook-routes.js';
import { whatsappDelivery, whatsappWebhookSchema, type WhatsappStatus } from './whatsapp-webhook.js';

/** What the WhatsApp webhook needs. */
export interface WhatsappRoutesDeps {
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  inbox: ChannelInbox;
  customers: CustomerRepository;
  /** Records delivery receipts (sent, delivered, read, failed) of our messages. */
  recordStatuses: (statuses: WhatsappStatus[]) => Promise<void>;
  logger: Logger;
}

const phonePattern = /^[0-9]{6,15}$/;

/**
 * The WhatsApp Cloud API webhook, mounted at `/webhooks/whatsapp`: verified, delivery
 * receipts recorded and each customer message stored through the engine, then acknowledged;
 * a message or status that does not fit is logged and skipped, the rest handled.
 * A customer without a phone number on file gets the WhatsApp one (verified by WhatsApp).
 */
export function whatsappRoutes(deps: WhatsappRoutesDeps): Router {
  const { inbox, customers, logger } = deps;
  return metaWebhookRoutes({
    appSecret: deps.appSecret,
    verifyToken: deps.verifyToken,
    logger,
    schema: whatsappWebhookSchema,
    accept: async (payload) => {
      const skipped = (reason: string, item: unknown) => logger.warn({ channel: 'whatsapp', reason, shape: shapeOf(item) }, 'skipped a webhook item that does not fit');
      const { inbound, statuses } = whatsappDelivery(payload, deps.phoneNumberId, new Date(), skipped);
      if (statuses.length > 0) await deps.recordStatuses(statuses).catch((error: unknown) => logger.error({ err: error }, 'recording WhatsApp delivery statuses failed'));
      for (const message of inbound) {
        await inbox.accept(message, async (done) => {
          if (!done.customer.phone && phonePattern.test(message.externalUserId)) await customers.update(done.customer._id, { phone: `+${message.externalUserId}` });
        });
      }
    },
  });
}
