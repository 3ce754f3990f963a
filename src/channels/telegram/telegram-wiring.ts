import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import type { Config } from '../../config/config-schema.js';
import type { ConversationEngine } from '../../engine/conversation-engine.js';
import type { ConversationRepository } from '../../conversations/conversation-repository.js';
import type { MessageRepository } from '../../conversations/message-repository.js';
import type { CustomerRepository } from '../../customers/customer-repository.js';
import { routeTelegramUpdates } from './telegram-bot.js';
export { TelegramChannel } from './telegram-channel.js';
import { TelegramInbox } from './telegram-inbox.js';
import { telegramRoutes } from './telegram-routes.js';
import { customerIdOfStartPayload } from './telegram-start-link.js';

/**
 * Connects a Telegram bot client to the engine: every update it receives (webhook or
 * polling) goes to a `TelegramInbox`, a `/start` deep-link payload links a known customer,
 * and the routes for `/api/telegram` are built. The sending side (`TelegramChannel`) is
 * registered separately, before the dispatcher exists.
 */
export function wireTelegram(bot: Telegraf, deps: { config: Config; engine: ConversationEngine; repositories: { customers: CustomerRepository; conversations: ConversationRepository; messages: MessageRepository }; logger: Logger }): { inbox: TelegramInbox; routes: Router } {
  const { config, engine, repositories, logger } = deps;
  const { botToken, webhookSecret, groups } = config.channels.telegram;
  if (!botToken) throw new Error('A Telegram bot was given without channels.telegram.botToken');
  const inbox = new TelegramInbox({
    engine,
    customers: repositories.customers,
    conversations: repositories.conversations,
    messages: repositories.messages,
    telegram: bot.telegram,
    groups,
    locales: config.locales,
    logger,
    linkCustomer: async (payload, user) => {
      const customerId = customerIdOfStartPayload(payload, botToken);
      return customerId !== null && (await repositories.customers.attachIdentity(customerId, 'telegram', String(user.id)));
    },
  });
  routeTelegramUpdates(bot, (update, me) => inbox.accept(update, me), logger);
  const routes = telegramRoutes({ bot, botToken, customers: repositories.customers, ...(webhookSecret ? { webhookSecret } : {}) });
  return { inbox, routes };
}
