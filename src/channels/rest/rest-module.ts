import type { ChannelModule } from '../channel-module.js';
import { RestChannel } from './rest-channel.js';
import { restSettings } from './rest-settings.js';
import { restRoutes } from './rest-routes.js';

/** The plain REST channel (`/api/chat`): always mounted, answering 404 `chat_api_off` until REST_API_KEY is set. */
export const restModule: ChannelModule<typeof restSettings> = {
  id: 'rest',
  settings: restSettings,
  // Built always (it answers 404 chat_api_off, and it is the sender of REST conversations); open with a key.
  enabled: () => true,
  open: (rest) => Boolean(rest.apiKey),
  create({ onMessage, repositories, limits }, rest) {
    const router = restRoutes({ onMessage, conversations: repositories.conversations, messages: repositories.messages, apiKey: rest.apiKey, limits });
    return { channel: new RestChannel(), routes: [{ path: '/api/chat', body: 'json', router }] };
  },
};
