import type { ChannelModule } from '../channel-module.js';
import { restSettings } from './rest-settings.js';

/** The plain REST channel (`/api/chat`): always mounted, answering 404 `chat_api_off` until REST_API_KEY is set. */
export const restModule: ChannelModule<typeof restSettings> = {
  id: 'rest',
  settings: restSettings,
  // Built always (it answers 404 chat_api_off, and it is the sender of REST conversations); open with a key.
  enabled: () => true,
  open: (rest) => Boolean(rest.apiKey),
  async create({ onMessage, repositories, limits }, rest) {
    const [{ RestChannel }, { restRoutes }] = await Promise.all([import('./rest-channel.js'), import('./rest-routes.js')]);
    const router = restRoutes({ onMessage, conversations: repositories.conversations, messages: repositories.messages, apiKey: rest.apiKey, limits });
    return { channel: new RestChannel(), routes: [{ path: '/api/chat', body: 'json', router }] };
  },
};
