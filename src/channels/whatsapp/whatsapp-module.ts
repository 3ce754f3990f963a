import type { ChannelModule } from '../channel-module.js';
import { GraphApiClient } from '../meta/graph-api-client.js';
import { metaSettings, metaWebhookReady } from '../meta/meta-settings.js';

/** WhatsApp Cloud API: on with the Meta app secret, verify token, WhatsApp token and phone number id. */
export const whatsappModule: ChannelModule<typeof metaSettings> = {
  id: 'whatsapp',
  settings: metaSettings,
  enabled: (meta) => metaWebhookReady(meta) && Boolean(meta.whatsappAccessToken && meta.whatsappPhoneNumberId),
  async create({ inbox, logger, repositories, recordReceipt }, meta) {
    const [{ WhatsappChannel }, { whatsappRoutes }, { whatsappStatusRecorder }] = await Promise.all([import('./whatsapp-channel.js'), import('./whatsapp-routes.js'), import('./whatsapp-statuses.js')]);
    const messages = inbox('whatsapp');
    const router = whatsappRoutes({
      appSecret: meta.appSecret!,
      verifyToken: meta.verifyToken!,
      phoneNumberId: meta.whatsappPhoneNumberId!,
      inbox: messages,
      customers: repositories.customers,
      recordStatuses: whatsappStatusRecorder(recordReceipt, logger),
      logger,
    });
    return {
      channel: new WhatsappChannel(new GraphApiClient(meta.graphApiBase), meta.whatsappAccessToken!, meta.whatsappPhoneNumberId!),
      routes: [{ path: '/webhooks/whatsapp', body: 'raw', router }],
      idle: () => messages.idle(),
    };
  },
};
