import { Router } from 'express';
import { z } from 'zod';
import type { PublicRateLimits } from '../../http/public-rate-limits.js';
import { validate } from '../../http/validate.js';
import type { WebchatInbox } from './webchat-inbox.js';
import { widgetMessageSchema } from './webchat-inbox.js';
import { newWebchatToken, visitorIdOf, webchatTokenSchema } from './webchat-token.js';

const tokenQuerySchema = z.object({ token: webchatTokenSchema });
const postSchema = z.object({ token: webchatTokenSchema }).passthrough();

/**
 * The web chat's HTTP side under `/api/webchat`: `POST /session` gives a widget its token;
 * `GET /messages?token=` returns the transcript; `POST /messages` sends a message and
 * returns the bot's replies (the fallback when WebSockets are blocked). Sessions and
 * messages are rate-limited per client address, messages also per visitor; reading the
 * transcript is not (the fallback polls it every 3 s).
 */
export function webchatRoutes(inbox: WebchatInbox, limits: PublicRateLimits): Router {
  const router = Router();
  const byAddress = limits.byClientAddress();
  router.post('/session', byAddress, (_req, res) => {
    res.status(201).json({ token: newWebchatToken() });
  });
  router.get('/messages', async (req, res) => {
    const { token } = validate(tokenQuerySchema, req.query, 'query');
    res.set('cache-control', 'no-store').json(await inbox.history(visitorIdOf(token)));
  });
  router.post('/messages', byAddress, async (req, res) => {
    const { token, ...rest } = validate(postSchema, req.body, 'body');
    const message = validate(widgetMessageSchema, rest, 'body');
    const visitorId = visitorIdOf(token);
    const refusal = limits.sender('webchat', visitorId);
    if (refusal) throw refusal;
    const result = await inbox.receive(visitorId, message);
    res.status(result.duplicate ? 200 : 201).json(result);
  });
  return router;
}
