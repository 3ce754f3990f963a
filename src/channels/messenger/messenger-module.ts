import { sendApiModule } from '../meta/send-api-module.js';

/** Facebook Messenger: on with the Meta app secret, verify token and page access token. */
export const messengerModule = sendApiModule('messenger', (meta) => meta.pageAccessToken, async () => {
  const { messengerChannel, messengerRoutes } = await import('./messenger-channel.js');
  return { channelOf: messengerChannel, routesOf: messengerRoutes };
});
