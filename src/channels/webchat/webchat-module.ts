import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ChannelModule } from '../channel-module.js';
import { WebchatChannel } from './webchat-channel.js';
import { WebchatInbox } from './webchat-inbox.js';
import { webchatSettings } from './webchat-settings.js';
import { webchatRoutes } from './webchat-routes.js';
import { attachWebchatSocket } from './webchat-socket.js';

// Any website may embed the widget, so its API answers cross-origin requests.
function allowAnyOrigin(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') res.status(204).end();
  else next();
}

/** The website chat widget: `/api/webchat` (session, history, messages) and its WebSocket on the listening server. */
export const webchatModule: ChannelModule<typeof webchatSettings> = {
  id: 'webchat',
  settings: webchatSettings,
  enabled: (webchat) => webchat.enabled,
  create({ config, onMessage, repositories, limits, logger, customerTyping }) {
    const channel = new WebchatChannel();
    const inbox = new WebchatInbox({ onMessage, customers: repositories.customers, conversations: repositories.conversations, messages: repositories.messages, persona: config.business.persona });
    const router = Router().use(allowAnyOrigin, webchatRoutes(inbox, limits));
    let closeSockets: () => void = () => undefined;
    return {
      channel,
      routes: [{ path: '/api/webchat', body: 'json', router }],
      start({ server, clientAddress }) {
        closeSockets = attachWebchatSocket(server, { inbox, channel, logger, limits, clientAddress, typing: (visitorId) => customerTyping({ channel: 'webchat', externalUserId: visitorId }) });
      },
      stop: () => closeSockets(),
    };
  },
};
