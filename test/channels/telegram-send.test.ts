import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../src/channels/telegram/telegram-bot.js';
import { TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { ConfigError } from '../../src/config/config-error.js';
import { FakeTelegram } from '../support/fake-telegram.js';

describe('TelegramChannel.send (telegraf against a fake Bot API)', () => {
  let fake: FakeTelegram;
  let channel: TelegramChannel;
  beforeEach(async () => {
    fake = await FakeTelegram.start();
    const bot = createTelegramBot(loadCarelineConfig({ env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url } }).channels.telegram)!;
    channel = new TelegramChannel(bot.telegram);
  });
  afterEach(async () => {
    await fake.close();
  });
  const send = (text = 'Hello') => channel.send({ chatId: 42 }, { kind: 'text', text, buttons: [] });

  it('names where a customer\'s photo is downloaded (getFile), and nothing for a file id Telegram does not know', async () => {
    fake.files.set('AgACAgIAAxkBAAIBQ2ZP', Buffer.from('jpeg bytes'));
    const source = await channel.mediaSource({ kind: 'image', mediaId: 'AgACAgIAAxkBAAIBQ2ZP' });
    expect(source!.url).toBe(`${fake.url}/file/bot${fake.token}/files/AgACAgIAAxkBAAIBQ2ZP`);
    expect(await (await fetch(source!.url)).text()).toBe('jpeg bytes');
    expect(await channel.mediaSource({ kind: 'image', mediaId: 'unknown-file-id' })).toBeNull();
  });

  it('sends to the chat id in HTML parse mode and returns the message id', async () => {
    expect(await send('a < b')).toEqual({ platformMessageId: '42:1' });
    expect(fake.callsOf('sendMessage')[0]!.body).toMatchObject({ chat_id: 42, text: 'a &lt; b', parse_mode: 'HTML' });
  });

  it('sends a long answer as several messages the Bot API accepts', async () => {
    await send(`${'Lorem ipsum <dolor> & sit amet. '.repeat(400)}`);
    const sent = fake.sentTo(42);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.map((message) => message.text).join(' ').length).toBeGreaterThan(12_000);
  });

  it('turns a 429 into a retryable failure after retry_after', async () => {
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    await expect(send()).rejects.toMatchObject({ status: 429, permanent: false, retryAfterMs: 3000 });
  });

  it('treats a blocked bot as permanent and a server error as retryable', async () => {
    fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(send()).rejects.toMatchObject({ status: 403, permanent: true, message: expect.stringContaining('blocked by the user') });
    fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await expect(send()).rejects.toMatchObject({ status: 502, permanent: false });
  });
});

describe('Telegram configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadCarelineConfig({ env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join('\n');
      throw error;
    }
    return '';
  };

  it('needs TELEGRAM_WEBHOOK_SECRET when PUBLIC_URL makes it a webhook', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: '1:a', PUBLIC_URL: 'https://care.example.com' })).toMatch(/webhookSecret.*TELEGRAM_WEBHOOK_SECRET/s);
    expect(problems({ TELEGRAM_BOT_TOKEN: '1:a' })).toBe('');
  });

  it('accepts only the characters Telegram allows in a secret, and mention or ignore for groups', () => {
    expect(problems({ TELEGRAM_WEBHOOK_SECRET: 'has spaces!' })).toContain('A-Z, a-z, 0-9, _ or -');
    expect(problems({ TELEGRAM_GROUPS: 'all' })).toContain('expected mention or ignore');
  });

  it('reaches a Bot API root with a path (the client needs its trailing slash, which the config strips)', async () => {
    const proxied = await FakeTelegram.start(undefined, '/telegram');
    try {
      const bot = createTelegramBot(loadCarelineConfig({ env: { TELEGRAM_BOT_TOKEN: proxied.token, TELEGRAM_API_ROOT: `${proxied.url}/` } }).channels.telegram)!;
      expect(await bot.telegram.getMe()).toMatchObject({ username: 'anphat_care_bot' });
    } finally {
      await proxied.close();
    }
    expect(createTelegramBot(loadCarelineConfig({ env: {} }).channels.telegram)).toBeNull();
  });
});
