import { enabledChannels } from '../../config/describe-config.js';
import type { ChannelModule } from '../channel-module.js';
import { GraphApiClient } from '../meta/graph-api-client.js';
import { WhatsappChannel } from './whatsapp-channel.js';
import { whatsappRoutes } from './whatsapp-routes.js';
import { whatsappStatusRecorder } from './whatsapp-statuses.js';

/** WhatsApp Cloud API: on with the Meta app secret, verify token, WhatsApp token and phone number id. */
export const whatsappModule: ChannelModule = {
  id: 'whatsapp',
  enabled: (config) => enabledChannels(config).whatsapp === true,
  create({ config, inbox, logger, repositories, recordReceipt }) {
    const meta = config.channels.meta;
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
