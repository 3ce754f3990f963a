import { sendApiModule } from '../meta/send-api-module.js';
import { instagramChannel, instagramRoutes } from './instagram-channel.js';

/** Instagram messaging: on with the Meta app secret, verify token and Instagram access token. */
export const instagramModule = sendApiModule('instagram', (meta) => meta.instagramAccessToken, instagramChannel, instagramRoutes);
