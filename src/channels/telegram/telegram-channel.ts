import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Channel, SendReceipt } from '../../core/channel.js';
import type { OutboundMessage, PlatformAddress } from '../../core/messages.js';
import { renderForTelegram } from './telegram-render.js';
import { telegramSendError } from './telegram-send-error.js';

/** Where a Telegram conversation is written to: the chat (private or group) the customer wrote in. */
export const telegramAddressSchema = z.object({ chatId: z.number().int() });
export type TelegramAddress = z.infer<typeof telegramAddressSchema>;

/**
 * The Telegram channel's sending side, over telegraf's Bot API client: messages go to the
 * stored chat id (so agent replies and surveys arrive without the customer writing first),
 * in HTML parse mode, split under 4,096 characters, with buttons as an inline keyboard.
 * Failures throw `ChannelSendError` with `retryAfterMs`/`permanent` set for the outbox (see
 * `telegram-send-error.ts`).
 */
export class TelegramChannel implements Channel {
  readonly id = 'telegram' as const;

  constructor(private readonly telegram: Telegram) {}

  async send(address: PlatformAddress, message: OutboundMessage): Promise<SendReceipt> {
    const { chatId } = telegramAddressSchema.parse(address);
    let last = 0;
    for (const part of renderForTelegram(message)) {
      try {
        const sent = await this.telegram.sendMessage(chatId, part.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(part.keyboard ? { reply_markup: { inline_keyboard: part.keyboard } } : {}),
        });
        last = sent.message_id;
      } catch (error) {
        throw telegramSendError('sendMessage', error);
      }
    }
    return { platformMessageId: `${chatId}:${last}` };
  }

  async typing(address: PlatformAddress): Promise<void> {
    const { chatId } = telegramAddressSchema.parse(address);
    await this.telegram.sendChatAction(chatId, 'typing');
  }
}
