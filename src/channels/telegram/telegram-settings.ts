import { z } from 'zod';
import { httpUrl, secret } from '../../config/schema-kit.js';
import { channelSettings } from '../channel-settings.js';

/** Telegram's settings. */
export const telegramSettings = channelSettings({
  key: 'telegram',
  schema: z
    .strictObject({
      botToken: secret.optional(),
      // Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret token.
      webhookSecret: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'expected 1-256 characters A-Z, a-z, 0-9, _ or -' }).optional(),
      apiRoot: httpUrl.optional(),
      groups: z.enum(['mention', 'ignore'], { error: 'expected mention or ignore' }).default('mention'),
    }),
  envVars: [
    { name: 'TELEGRAM_BOT_TOKEN', path: ['channels', 'telegram', 'botToken'], secret: true, description: 'Telegram bot token from @BotFather; enables Telegram: by webhook when PUBLIC_URL is set, else by long polling.', example: '123456:ABC-DEF' },
    { name: 'TELEGRAM_WEBHOOK_SECRET', path: ['channels', 'telegram', 'webhookSecret'], secret: true, description: 'Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token with every webhook update (1-256 of A-Z a-z 0-9 _ -); required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set.', example: 'a-long-random-string' },
    { name: 'TELEGRAM_API_ROOT', path: ['channels', 'telegram', 'apiRoot'], description: 'Bot API base URL (tests point it at a local fake).', example: 'https://api.telegram.org' },
    { name: 'TELEGRAM_GROUPS', path: ['channels', 'telegram', 'groups'], description: 'In group chats: "mention" (answer when addressed) or "ignore".', example: 'mention' },
  ],
  check: (telegram, config) =>
    config.publicUrl && telegram.botToken && !telegram.webhookSecret
      ? { path: ['webhookSecret'], message: 'with PUBLIC_URL set, Telegram runs by webhook and needs TELEGRAM_WEBHOOK_SECRET (unset PUBLIC_URL to use long polling)' }
      : null,
});
