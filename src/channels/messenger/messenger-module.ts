import { sendApiModule } from '../meta/send-api-module.js';
import { messengerChannel, messengerRoutes } from './messenger-channel.js';

/** Facebook Messenger: on with the Meta app secret, verify token and page access token. */
export const messengerModule = sendApiModule('messenger', (meta) => meta.pageAccessToken, messengerChannel, messengerRoutes);
