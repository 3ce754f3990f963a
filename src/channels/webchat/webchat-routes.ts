import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../../http/validate.js';
import type { WebchatInbox } from './webchat-inbox.js';
import { widgetMessageSchema } from './webchat-inbox.js';
import { newWebchatToken, visitorIdOf, webchatTokenSchema } from './webchat-token.js';

const tokenQuerySchema = z.object({ token: webchatTokenSchema });
const postSchema = z.object({ token: webchatTokenSchema }).passthrough();

/**
 * The web chat's HTTP side under `/api/webchat`: `POST /session` gives a widget its token;
 * `GET /messages?token=` returns the transcript; `POST /messages` sends a message and
 * returns the bot's replies (the fallback when WebSockets are blocked).
 */
export function webchatRoutes(inbox: WebchatInbox): Router {
  const router = Router();
  router.post('/session', (_req, res) => {
    res.status(201).json({ token: newWebchatToken() });
  });
  router.get('/messages', async (req, res) => {
    const { token } = validate(tokenQuerySchema, req.query, 'query');
    res.set('cache-control', 'no-store').json(await inbox.history(visitorIdOf(token)));
  });
  router.post('/messages', async (req, res) => {
    const { token, ...rest } = validate(postSchema, req.body, 'body');
    const message = validate(widgetMessageSchema, rest, 'body');
    const result = await inbox.receive(visitorIdOf(token), message);
    res.status(result.duplicate ? 200 : 201).json(result);
  });
  return router;
}
