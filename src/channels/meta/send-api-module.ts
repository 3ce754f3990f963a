import type { Router } from 'express';
import type { Channel } from '../../core/channel.js';
import type { ChannelModule } from '../channel-module.js';
import type { SettingsOf } from '../channel-settings.js';
import { GraphApiClient } from './graph-api-client.js';
import { OwnSends } from '../own-sends.js';
import type { MessagingRoutesDeps } from './messaging-routes.js';
import { metaSettings, metaWebhookReady } from './meta-settings.js';

/** A Send API platform's sender and webhook routes, as its folder's channel file exports them. */
export interface SendApiParts {
  channelOf: (graph: GraphApiClient, token: string, ownSends: OwnSends) => Channel;
  routesOf: (deps: MessagingRoutesDeps) => Router;
}

/**
 * The module of a Send API platform (Messenger, Instagram): on with the Meta app secret and
 * verify token and the platform's own token; its sender and its `/webhooks/<id>` webhook,
 * whose code (`load`, express among it) is loaded only when the channel is built.
 */
export function sendApiModule(id: 'messenger' | 'instagram', tokenOf: (meta: SettingsOf<typeof metaSettings>) => string | undefined, load: () => Promise<SendApiParts>): ChannelModule<typeof metaSettings> {
  return {
    id,
    settings: metaSettings,
    enabled: (meta) => metaWebhookReady(meta) && Boolean(tokenOf(meta)),
    async create({ inbox, logger, humanReplied, repositories }, meta) {
      const { channelOf, routesOf } = await load();
      const messages = inbox(id);
      const ownSends = new OwnSends();
      // An echo is Careline's own when this process just sent it (even before Meta's answer arrived) or the transcript knows its id.
      const sentByCareline = async (userId: string, mid: string) => (await ownSends.sent(userId, mid)) || (await repositories.messages.sentAs(id, mid));
      return {
        channel: channelOf(new GraphApiClient(meta.graphApiBase), tokenOf(meta)!, ownSends),
        routes: [{ path: `/webhooks/${id}`, body: 'raw', router: routesOf({ appSecret: meta.appSecret!, verifyToken: meta.verifyToken!, inbox: messages, logger, humanReplied, sentByCareline }) }],
        idle: () => messages.idle(),
      };
    },
  };
}
