import { sendApiModule } from '../meta/send-api-module.js';

/** Instagram messaging: on with the Meta app secret, verify token and Instagram access token. */
export const instagramModule = sendApiModule('instagram', (meta) => meta.instagramAccessToken, async () => {
  const { instagramChannel, instagramRoutes } = await import('./instagram-channel.js');
  return { channelOf: instagramChannel, routesOf: instagramRoutes };
});
