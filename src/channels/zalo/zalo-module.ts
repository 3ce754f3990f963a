import type { ChannelModule } from '../channel-module.js';
import { OfferedChoices } from '../offered-choices.js';
import { OwnSends } from '../own-sends.js';
import { ZaloTokens } from './zalo-tokens.js';
import { zaloSettings } from './zalo-settings.js';

/** The Zalo Official Account: on with its app id, OA secret key and access token; `/webhooks/zalo`. */
export const zaloModule: ChannelModule<typeof zaloSettings> = {
  id: 'zalo',
  settings: zaloSettings,
  enabled: (zalo) => Boolean(zalo.appId && zalo.oaSecretKey && zalo.accessToken),
  async create({ store, inbox, logger, recordReceipt, humanReplied, repositories }, zalo) {
    const [{ ZaloChannel }, { zaloRoutes }] = await Promise.all([import('./zalo-channel.js'), import('./zalo-routes.js')]);
    const tokens = new ZaloTokens(store, { appId: zalo.appId!, appSecret: zalo.appSecret, accessToken: zalo.accessToken!, refreshToken: zalo.refreshToken, oauthBase: zalo.oauthBase });
    const choices = new OfferedChoices(store, 'zalo', { numbers: true });
    const ownSends = new OwnSends();
    const messages = inbox('zalo');
    const router = zaloRoutes({
      appId: zalo.appId!,
      oaSecretKey: zalo.oaSecretKey!,
      maxEventAgeMs: zalo.maxEventAgeSeconds * 1000,
      inbox: messages,
      choices,
      logger,
      recordReceipt: (messageId, state) => recordReceipt('zalo', messageId, state),
      humanReplied,
      // This process's own sends first (their echo can come before the transcript knows the id), then the transcript's.
      sentByCareline: async (userId, messageId) => (await ownSends.sent(userId, messageId)) || (await repositories.messages.sentAs('zalo', messageId)),
    });
    return {
      channel: new ZaloChannel({ apiBase: zalo.apiBase, tokens, choices, ownSends }),
      routes: [{ path: '/webhooks/zalo', body: 'raw', router }],
      idle: () => messages.idle(),
    };
  },
};
