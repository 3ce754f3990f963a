import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Telegraf } from 'telegraf';
import { z } from 'zod';
import { requireRole } from '../../accounts/auth.js';
import type { CustomerRepository } from '../../customers/customer-repository.js';
import { ForbiddenError, NotFoundError, UnavailableError, UnauthorizedError } from '../../core/app-error.js';
import { validate } from '../../http/validate.js';
import { telegramStartPayload } from './telegram-start-link.js';
import { telegramUpdateSchema } from './telegram-update.js';

/** Where Telegram posts updates in webhook mode (under `PUBLIC_URL`). */
export const telegramWebhookPath = '/api/telegram/webhook';

const secretHeader = 'x-telegram-bot-api-secret-token';

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Checks the secret Telegram was given in `setWebhook` (missing → 401, wrong → 403;
 * telegraf alone would fall through to a 404), then that the body is an Update (400
 * naming the field).
 */
function webhookGuard(secret: string): RequestHandler {
  return (req, _res, next) => {
    const given = req.headers[secretHeader];
    if (typeof given !== 'string' || given.length === 0) throw new UnauthorizedError('The X-Telegram-Bot-Api-Secret-Token header is missing.');
    if (!sameSecret(given, secret)) throw new ForbiddenError('The X-Telegram-Bot-Api-Secret-Token header does not match TELEGRAM_WEBHOOK_SECRET.');
    validate(telegramUpdateSchema, req.body, 'body');
    next();
  };
}

const startLinkQuerySchema = z.object({ customerId: z.string().min(1).max(40) });

/**
 * Telegram's HTTP side under `/api/telegram`: `POST /webhook` (webhook mode only) runs the
 * guard and then telegraf's webhook callback, which only starts the work and so answers
 * Telegram at once; `GET /start-link?customerId=` (agents) returns the deep link that
 * connects a known customer's Telegram account to their history.
 */
export function telegramRoutes(deps: { bot: Telegraf; botToken: string; webhookSecret?: string; customers: CustomerRepository }): Router {
  const router = Router();
  if (deps.webhookSecret) router.post('/webhook', webhookGuard(deps.webhookSecret), deps.bot.webhookCallback('/webhook', { secretToken: deps.webhookSecret }));
  router.get('/start-link', requireRole('agent'), async (req, res) => {
    const { customerId } = validate(startLinkQuerySchema, req.query, 'query');
    if (!(await deps.customers.get(customerId))) throw new NotFoundError('The customer');
    const username = deps.bot.botInfo?.username;
    if (!username) throw new UnavailableError('The Telegram bot has not connected to Telegram yet.');
    res.json({ url: `https://t.me/${username}?start=${telegramStartPayload(customerId, deps.botToken)}` });
  });
  return router;
}
