import type { ChannelModule } from '../channel-module.js';
import { telegramSettings } from './telegram-settings.js';

/**
 * Telegram: on with TELEGRAM_BOT_TOKEN (a test may hand in a bot client pointed at its fake). Every update (webhook
 * or polling) goes to a `TelegramInbox`; a `/start` deep-link payload links a known customer;
 * `/api/telegram` serves the webhook and the deep-link API. Started once the server listens:
 * with a public URL Telegram posts to its webhook (TELEGRAM_WEBHOOK_SECRET), without one the
 * bot polls. telegraf's code is loaded only when the channel is on.
 */
export const telegramModule: ChannelModule<typeof telegramSettings> = {
  id: 'telegram',
  settings: telegramSettings,
  enabled: (telegram) => Boolean(telegram.botToken),
  async create({ config, clients, inbox, repositories, logger }, telegram) {
    const { botToken, webhookSecret, groups } = telegram;
    const [{ routeTelegramUpdates, createTelegramBot }, { TelegramChannel }, { TelegramInbox }, { telegramRoutes }, { customerIdOfStartPayload }, { launchTelegram }] = await Promise.all([
      import('./telegram-bot.js'),
      import('./telegram-channel.js'),
      import('./telegram-inbox.js'),
      import('./telegram-routes.js'),
      import('./telegram-start-link.js'),
      import('./telegram-launch.js'),
    ]);
    const bot = clients.telegramBot ?? createTelegramBot(telegram)!;
    const messages = inbox('telegram');
    const updates = new TelegramInbox({
      inbox: messages,
      customers: repositories.customers,
      conversations: repositories.conversations,
      messages: repositories.messages,
      telegram: bot.telegram,
      groups,
      locales: config.locales,
      logger,
      linkCustomer: async (payload, user) => {
        const customerId = customerIdOfStartPayload(payload, botToken!);
        return customerId !== null && (await repositories.customers.attachIdentity(customerId, 'telegram', String(user.id)));
      },
    });
    routeTelegramUpdates(bot, (update, me) => updates.accept(update, me), logger);
    const router = telegramRoutes({ bot, botToken: botToken!, customers: repositories.customers, ...(webhookSecret ? { webhookSecret } : {}) });
    let stopPolling: () => Promise<void> = async () => undefined;
    const byWebhook = (listening: { public: boolean }) => listening.public && webhookSecret !== undefined;
    return {
      channel: new TelegramChannel(bot.telegram),
      routes: [{ path: '/api/telegram', body: 'json', router }],
      async start(listening) {
        const mode = byWebhook(listening) ? { kind: 'webhook' as const, publicUrl: listening.publicUrl, secret: webhookSecret! } : { kind: 'polling' as const };
        stopPolling = await launchTelegram(bot, { mode, locales: config.locales, logger });
      },
      stop: () => stopPolling(),
      idle: () => messages.idle(),
      notes: (listening) => [`Telegram:      ${byWebhook(listening) ? `webhook at ${listening.publicUrl}/api/telegram/webhook` : 'long polling (no PUBLIC_URL)'}`],
    };
  },
};
