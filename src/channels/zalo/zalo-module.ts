import { enabledChannels } from '../../config/describe-config.js';
import type { ChannelModule } from '../channel-module.js';
import { ZaloChannel } from './zalo-channel.js';
import { OfferedChoices } from '../offered-choices.js';
import { zaloRoutes } from './zalo-routes.js';
import { ZaloTokens } from './zalo-tokens.js';

/** The Zalo Official Account: on with its app id, OA secret key and access token; `/webhooks/zalo`. */
export const zaloModule: ChannelModule = {
  id: 'zalo',
  enabled: (config) => enabledChannels(config).zalo === true,
  create({ config, store, inbox, logger }) {
    const zalo = config.channels.zalo;
    const tokens = new ZaloTokens(store, { appId: zalo.appId!, appSecret: zalo.appSecret, accessToken: zalo.accessToken!, refreshToken: zalo.refreshToken, oauthBase: zalo.oauthBase });
    const choices = new OfferedChoices(store, 'zalo', { numbers: true });
    const messages = inbox('zalo');
    const router = zaloRoutes({ appId: zalo.appId!, oaSecretKey: zalo.oaSecretKey!, maxEventAgeMs: zalo.maxEventAgeSeconds * 1000, inbox: messages, choices, logger });
    return {
      channel: new ZaloChannel({ apiBase: zalo.apiBase, tokens, choices }),
      routes: [{ path: '/webhooks/zalo', body: 'raw', router }],
      idle: () => messages.idle(),
    };
  },
};
