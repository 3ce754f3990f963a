import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/config-schema.js';
import { enabledChannels } from '../../config/describe-config.js';
import type { CustomerRepository } from '../../customers/customer-repository.js';
import type { ConversationEngine } from '../../engine/conversation-engine.js';
import type { Channel } from '../../core/channel.js';
import { instagramChannel, instagramRoutes } from '../instagram/instagram-channel.js';
import { messengerChannel, messengerRoutes } from '../messenger/messenger-channel.js';
import { WhatsappChannel } from '../whatsapp/whatsapp-channel.js';
import { whatsappRoutes } from '../whatsapp/whatsapp-routes.js';
import type { WhatsappStatus } from '../whatsapp/whatsapp-webhook.js';
import { GraphApiClient } from './graph-api-client.js';

/** A webhook router and the path it is mounted at. */
export interface WebhookMount {
  path: string;
  router: Router;
}

/** What the Meta webhooks hand their messages and receipts to. */
export interface MetaWebhookDeps {
  engine: ConversationEngine;
  customers: CustomerRepository;
  recordStatuses: (statuses: WhatsappStatus[]) => Promise<void>;
  logger: Logger;
}

/**
 * Messenger, Instagram and WhatsApp, each enabled only when its credentials are set (the
 * app secret and verify token, plus the page token / Instagram token / WhatsApp token and
 * phone number id). `channels` go into the registry; `webhooks(deps)` gives the routers
 * under `/webhooks/<channel>` once the engine exists.
 */
export function metaPlatforms(config: Config) {
  const meta = config.channels.meta;
  const enabled = enabledChannels(config);
  const graph = new GraphApiClient(meta.graphApiBase);
  const channels: Channel[] = [];
  if (enabled.messenger) channels.push(messengerChannel(graph, meta.pageAccessToken!));
  if (enabled.instagram) channels.push(instagramChannel(graph, meta.instagramAccessToken!));
  if (enabled.whatsapp) channels.push(new WhatsappChannel(graph, meta.whatsappAccessToken!, meta.whatsappPhoneNumberId!));
  return {
    channels,
    webhooks(deps: MetaWebhookDeps): WebhookMount[] {
      const secrets = { appSecret: meta.appSecret!, verifyToken: meta.verifyToken! };
      const mounts: WebhookMount[] = [];
      if (enabled.messenger) mounts.push({ path: '/webhooks/messenger', router: messengerRoutes({ ...secrets, ...deps }) });
      if (enabled.instagram) mounts.push({ path: '/webhooks/instagram', router: instagramRoutes({ ...secrets, ...deps }) });
      if (enabled.whatsapp) mounts.push({ path: '/webhooks/whatsapp', router: whatsappRoutes({ ...secrets, ...deps, phoneNumberId: meta.whatsappPhoneNumberId! }) });
      return mounts;
    },
  };
}
