import { Telegraf } from 'telegraf';
import type { Logger } from 'pino';
import type { SettingsOf } from '../channel-settings.js';
import type { telegramSettings } from './telegram-settings.js';

/**
 * The telegraf client for the configured bot, or null when no token is set. Only the
 * composition root calls this. `webhookReply` is off on purpose: Careline acknowledges a
 * webhook at once and sends answers later through the Bot API, so every send has a real
 * result (message id, error, 429) for the outbox.
 */
export function createTelegramBot(config: SettingsOf<typeof telegramSettings>): Telegraf | null {
  if (!config.botToken) return null;
  // The client resolves methods relative to the root: a root with a path needs its trailing slash.
  const apiRoot = config.apiRoot ? `${config.apiRoot}/` : undefined;
  return new Telegraf(config.botToken, { telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) } });
}

/**
 * Routes every update the bot receives (webhook or polling) to `accept`, which starts the
 * work and returns at once; an error thrown by telegraf itself is logged, never rethrown
 * into the HTTP request.
 */
export function routeTelegramUpdates(bot: Telegraf, accept: (update: unknown, me: { id: number; username: string }) => Promise<void>, logger: Logger): void {
  // telegraf answers a webhook once this resolves: after the update's message is stored.
  bot.use((ctx) => accept(ctx.update, ctx.botInfo));
  bot.catch((error, ctx) => logger.error({ err: error, updateId: ctx.update.update_id }, 'telegraf failed on an update'));
}
