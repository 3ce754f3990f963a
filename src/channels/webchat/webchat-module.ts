import type { NextFunction, Request, Response } from 'express';
import type { ChannelModule } from '../channel-module.js';
import { webchatSettings } from './webchat-settings.js';

// Any website may embed the widget, so its API answers cross-origin requests.
function allowAnyOrigin(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') res.status(204).end();
  else next();
}

/** The website chat widget: `/api/webchat` (session, history, messages) and its WebSocket on the listening server (express and ws loaded when it is built). */
export const webchatModule: ChannelModule<typeof webchatSettings> = {
  id: 'webchat',
  settings: webchatSettings,
  enabled: (webchat) => webchat.enabled,
  async create({ config, onMessage, repositories, limits, logger, customerTyping }) {
    const [{ Router }, { WebchatChannel }, { WebchatInbox }, { webchatRoutes }, { attachWebchatSocket }] = await Promise.all([
      import('express'),
      import('./webchat-channel.js'),
      import('./webchat-inbox.js'),
      import('./webchat-routes.js'),
      import('./webchat-socket.js'),
    ]);
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
