import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import type { Locale } from '../../config/config-schema.js';
import { telegramPhrases } from './telegram-phrases.js';
import { TelegramPolling } from './telegram-polling.js';
import { telegramWebhookPath } from './telegram-routes.js';
import type { TelegramUpdateKind } from './telegram-update.js';

/** How the bot receives updates: Telegram posts them to `PUBLIC_URL`, or the bot polls. */
export type TelegramMode = { kind: 'webhook'; publicUrl: string; secret: string } | { kind: 'polling' };

/** The kinds of update the bot asks for: messages, button presses and reactions (Telegram sends reactions only when asked). */
const allowedUpdates: TelegramUpdateKind[] = ['message', 'callback_query', 'message_reaction'];

/**
 * Connects the bot to Telegram at start-up: checks the token (`getMe`), sets the command
 * menu per language, then either registers the webhook with its secret (`setWebhook`) or
 * starts long polling (which removes any webhook first). Resolves to the function that
 * stops polling; in webhook mode stopping leaves the webhook set, so Telegram keeps
 * updates until the server is back.
 */
export async function launchTelegram(bot: Telegraf, options: { mode: TelegramMode; locales: { supported: readonly Locale[]; default: Locale }; logger: Logger }): Promise<() => Promise<void>> {
  const { mode, locales, logger } = options;
  bot.botInfo = await bot.telegram.getMe().catch((error: unknown) => {
    throw new Error(`Telegram did not accept TELEGRAM_BOT_TOKEN (getMe: ${(error as Error).message})`, { cause: error });
  });
  await setCommandMenu(bot, locales).catch((error: unknown) => logger.warn({ err: error }, 'setting the telegram command menu failed; commands still work'));
  if (mode.kind === 'webhook') {
    const url = `${mode.publicUrl}${telegramWebhookPath}`;
    await bot.telegram.setWebhook(url, { secret_token: mode.secret, allowed_updates: allowedUpdates });
    logger.info({ url, bot: bot.botInfo.username }, 'telegram webhook set');
    return async () => undefined;
  }
  await bot.telegram.deleteWebhook();
  const polling = new TelegramPolling(bot, allowedUpdates, logger);
  polling.start();
  logger.info({ bot: bot.botInfo.username }, 'telegram long polling started (no PUBLIC_URL)');
  return () => polling.stop();
}

async function setCommandMenu(bot: Telegraf, locales: { supported: readonly Locale[]; default: Locale }): Promise<void> {
  const menu = (locale: Locale) => Object.entries(telegramPhrases[locale].commands).map(([command, description]) => ({ command, description }));
  await bot.telegram.setMyCommands(menu(locales.default));
  for (const locale of locales.supported) await bot.telegram.setMyCommands(menu(locale), { language_code: locale });
}
