import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Channel, MediaSource, SendOptions, SendReceipt } from '../../core/channel.js';
import type { Attachment, OutboundMessage, PlatformAddress } from '../../core/messages.js';
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

  async send(address: PlatformAddress, message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
    const { chatId } = telegramAddressSchema.parse(address);
    let last = 0;
    for (const part of renderForTelegram(message)) {
      try {
        // callApi rather than sendMessage: it takes the outbox's abort signal, so a send given up is dropped, not left to land later.
        const sent = await this.telegram.callApi(
          'sendMessage',
          {
            chat_id: chatId,
            text: part.html,
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(part.keyboard ? { reply_markup: { inline_keyboard: part.keyboard } } : {}),
          },
          // telegraf types the signal as its abort-controller polyfill's; node-fetch takes Node's own.
          (options.signal ? { signal: options.signal } : {}) as Parameters<Telegram['callApi']>[2],
        );
        last = sent.message_id;
      } catch (error) {
        throw telegramSendError('sendMessage', error);
      }
    }
    return { platformMessageId: `${chatId}:${last}` };
  }

  /** A file id's download link (getFile; the Bot API keeps it at least an hour), or null when Telegram no longer has the file. */
  async mediaSource(attachment: Attachment): Promise<MediaSource | null> {
    if (!attachment.mediaId) return null;
    try {
      return { url: (await this.telegram.getFileLink(attachment.mediaId)).href };
    } catch {
      return null; // getFile refuses files over 20 MB and unknown ids; the agent is told the media is unavailable
    }
  }

  async typing(address: PlatformAddress): Promise<void> {
    const { chatId } = telegramAddressSchema.parse(address);
    await this.telegram.sendChatAction(chatId, 'typing');
  }
}
