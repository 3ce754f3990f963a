import express, { Router } from 'express';
import { checkJsonDepth } from '../../http/json-depth.js';
import type { BotFrameworkInbox } from './bot-framework-inbox.js';

/**
 * The Bot Framework messaging endpoint, mounted at `/api/messages` (the path an Azure Bot
 * registration's messaging endpoint names): 200 once the turn ran, 401 for a missing or
 * invalid token, 400 for a body that is not an activity.
 */
export function botFrameworkRoutes(inbox: BotFrameworkInbox): Router {
  const router = Router();
  // Mounted with the other platform webhooks, before the app's own body parser.
  router.use(express.json({ limit: '256kb', verify: checkJsonDepth }));
  router.post('/', async (req, res) => {
    const { status, body } = await inbox.receive(req.body, req.headers.authorization ?? '');
    if (body === undefined) res.status(status).end();
    else res.status(status).json(body);
  });
  return router;
}
