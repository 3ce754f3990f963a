import type { ChannelModule } from '../channel-module.js';
import { RestChannel } from './rest-channel.js';
import { restRoutes } from './rest-routes.js';

/** The plain REST channel (`/api/chat`): always mounted, answering 404 `chat_api_off` until REST_API_KEY is set. */
export const restModule: ChannelModule = {
  id: 'rest',
  enabled: () => true,
  create({ config, onMessage, repositories, limits }) {
    const router = restRoutes({ onMessage, conversations: repositories.conversations, messages: repositories.messages, apiKey: config.channels.rest.apiKey, limits });
    return { channel: new RestChannel(), routes: [{ path: '/api/chat', body: 'json', router }] };
  },
};
