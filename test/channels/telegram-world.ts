import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeTelegram } from '../support/fake-telegram.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The webhook secret the test apps are configured with. */
export const webhookSecret = 'test-webhook-secret_0123456789';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A captured Telegram update from test/fixtures/telegram/, with fields changed by `change`. */
export function fixture(name: string, change: (update: Json) => void = () => undefined): Json {
  const update = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'telegram', `${name}.json`), 'utf8')) as Json;
  change(update);
  return update;
}

let nextUpdateId = 900_000;

/** A private text message from Jana (the fixture), with a fresh update id. */
export function textFrom(text: string, change: (update: Json) => void = () => undefined): Json {
  return fixture('private-text-message', (update) => {
    update.update_id = nextUpdateId++;
    update.message.message_id = nextUpdateId;
    update.message.text = text;
    change(update);
  });
}

/** Jana pressing the inline button with `callbackData` under the bot's message `messageId`, with a fresh update id. */
export function pressFrom(callbackData: string, keyboard: { text: string; callback_data: string }[][], messageId = 1): Json {
  return fixture('callback-query', (update) => {
    update.update_id = nextUpdateId++;
    update.callback_query.id = String(nextUpdateId * 7);
    update.callback_query.data = callbackData;
    update.callback_query.message.message_id = messageId;
    update.callback_query.message.reply_markup = { inline_keyboard: keyboard };
  });
}

/** The chat id of the fixtures' private chat (Jana). */
export const janaChat = 5524871234;

/** A test app with Telegram enabled against a fake Bot API. */
export interface TelegramWorld {
  app: TestApp;
  fake: FakeTelegram;
  /** Posts an update to the webhook as Telegram would; resolves after the bot handled it. */
  post: (update: Json, secret?: string | null) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startTelegramWorld(env: Record<string, string> = {}, mode: 'webhook' | 'polling' = 'webhook'): Promise<TelegramWorld> {
  const fake = await FakeTelegram.start();
  const app = await startTestApp(
    { BUSINESS_HOURS: 'mon-sun 00:00-24:00', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_WEBHOOK_SECRET: webhookSecret, TELEGRAM_API_ROOT: fake.url, ...env },
    { telegram: mode },
  );
  const post = async (update: Json, secret: string | null = webhookSecret) => {
    const response = await fetch(`${app.url}/api/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
    await app.careline.idle();
    return response;
  };
  return {
    app,
    fake,
    post,
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}
