import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import type { Locale } from '../../config/config-schema.js';
import type { ConversationRepository } from '../../conversations/conversation-repository.js';
import type { MessageRepository } from '../../conversations/message-repository.js';
import type { CustomerRepository } from '../../customers/customer-repository.js';
import { payloads } from '../../engine/answer-policy.js';
import type { ChannelInbox } from '../channel-inbox.js';
import type { InboundMessage } from '../../core/messages.js';
import { reactionAttachment } from './telegram-attachments.js';
import { isHashedCallbackData, toCallbackData } from './telegram-callback-data.js';
import { readMessage, type BotIdentity, type GroupPolicy } from './telegram-message-text.js';
import { displayNameOf, isPrivateChat, telegramUpdateSchema, updateKindOf, type TelegramCallbackQuery, type TelegramMessage, type TelegramReaction, type TelegramUser } from './telegram-update.js';

export interface TelegramInboxDeps {
  inbox: ChannelInbox;
  customers: CustomerRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  /** The Bot API client, for acknowledging button presses. */
  telegram: Telegram;
  groups: GroupPolicy;
  locales: { supported: readonly Locale[]; default: Locale };
  logger: Logger;
  /** Links a `/start` deep-link payload to a known customer; resolves whether it did. */
  linkCustomer?: (payload: string, user: TelegramUser) => Promise<boolean>;
}

/**
 * The Telegram channel's receiving side, used by the webhook and by long polling alike:
 * parses each update, turns messages and button presses into `InboundMessage`s (the
 * `update_id` is the platform message id, so a redelivered update is answered once) and
 * stores them through the engine before Telegram is answered, without making it wait for
 * the bot's answer. `/start` greets (and links a deep-link payload to a known customer), `/help` explains, `/human` hands
 * off; other commands are read as text. Media, places and contact cards come as attachments
 * (the engine answers those itself); a reaction in a private chat is recorded, silently.
 * Every other update (edits, channel posts, member changes, inline and payment queries,
 * polls, join requests, business updates) is acknowledged and skipped, logged at debug by
 * its kind only, never with what the customer wrote.
 */
export class TelegramInbox {
  // The store's platform message ids make redeliveries harmless durably; this also keeps
  // what never reaches the store (acknowledging a press) from happening twice.
  private readonly recentUpdates = new Set<number>();

  constructor(private readonly deps: TelegramInboxDeps) {}

  /**
   * Handles one raw update: resolves once its message is stored (the webhook answers
   * Telegram then; the bot's turn runs on), rejects when it could not be stored, so
   * Telegram delivers it again.
   */
  async accept(raw: unknown, bot: BotIdentity): Promise<void> {
    const parsed = telegramUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.logger.warn({ issues: parsed.error.issues }, 'telegram update skipped: not a valid Update');
      return;
    }
    const update = parsed.data;
    if (this.recentUpdates.has(update.update_id)) return;
    this.recentUpdates.add(update.update_id);
    if (this.recentUpdates.size > 1000) this.recentUpdates.delete(this.recentUpdates.values().next().value!);
    try {
      if (update.message) await this.onMessage(update.update_id, update.message, bot);
      else if (update.callback_query) await this.onButton(update.update_id, update.callback_query);
      else if (update.message_reaction) await this.onReaction(update.update_id, update.message_reaction);
      else this.deps.logger.debug({ updateId: update.update_id, kind: updateKindOf(raw) }, 'telegram update skipped: Careline does not handle this kind');
    } catch (error) {
      this.recentUpdates.delete(update.update_id);
      this.deps.logger.error({ err: error, updateId: update.update_id }, 'storing a telegram update failed; Telegram will deliver it again');
      throw error;
    }
  }

  /** Stores a customer message through the engine; its turn runs on (the engine's `idle` waits for it). */
  private async start(inbound: InboundMessage): Promise<void> {
    await this.deps.inbox.accept(inbound);
  }

  /** Resolves when every update accepted so far is handled (for shutdown and tests). */
  async idle(): Promise<void> {
    await this.deps.inbox.idle();
  }

  private async onMessage(updateId: number, message: TelegramMessage, bot: BotIdentity): Promise<void> {
    const read = readMessage(message, bot, this.deps.groups);
    const user = message.from;
    if (!read || !user) {
      this.deps.logger.debug({ updateId, chatType: message.chat.type ?? 'unknown' }, 'telegram message skipped: not for the bot');
      return;
    }
    const base = this.inbound(updateId, user, message.chat.id);
    if (read.kind === 'text') {
      await this.start({ ...base, text: read.text, ...(read.attachments.length > 0 ? { attachments: read.attachments } : {}) });
      return;
    }
    switch (read.command) {
      case 'start':
        if (read.argument && this.deps.linkCustomer && !(await this.deps.linkCustomer(read.argument, user))) {
          this.deps.logger.warn({ userId: user.id }, 'telegram /start payload did not name a known customer; continuing as a new one');
        }
        await this.start({ ...base, text: '/start', payload: payloads.greeting });
        return;
      case 'help':
        // Answered by the engine in the conversation, so the reply goes through the outbox like every other.
        await this.start({ ...base, text: '/help', payload: payloads.help });
        return;
      case 'human':
        await this.start({ ...base, text: '/human', payload: payloads.handoff });
        return;
      default:
        await this.start({ ...base, text: `/${read.command} ${read.argument}`.trim() });
    }
  }

  private async onButton(updateId: number, query: TelegramCallbackQuery): Promise<void> {
    // Telegram shows a spinner on the button until the query is answered.
    const answered = this.deps.telegram.answerCbQuery(query.id).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'answering a telegram callback query failed'));
    const data = query.data;
    const chatId = query.message?.chat.id ?? query.from.id;
    const payload = data && (isHashedCallbackData(data) ? await this.findHashedPayload(query.from.id, data) : data);
    if (!payload) {
      this.deps.logger.warn({ userId: query.from.id }, 'telegram button press skipped: its payload is unknown');
      await answered;
      return;
    }
    const label = query.message?.reply_markup?.inline_keyboard.flat().find((button) => button.callback_data === data)?.text;
    await Promise.all([answered, this.start({ ...this.inbound(updateId, query.from, chatId), text: label ?? payload, payload })]);
  }

  /**
   * Records a reaction as a silent message of the customer's. Only in a private chat: in a
   * group the bot cannot tell whether the message reacted to was its own, and an anonymous
   * reaction (on behalf of a chat) names no customer.
   */
  private async onReaction(updateId: number, reaction: TelegramReaction): Promise<void> {
    const { user, chat } = reaction;
    if (!user || user.is_bot || !isPrivateChat(chat, user.id)) {
      this.deps.logger.debug({ updateId, chatType: chat.type ?? 'unknown' }, 'telegram reaction skipped: not a customer in a private chat');
      return;
    }
    await this.start({ ...this.inbound(updateId, user, chat.id), text: '', attachments: [reactionAttachment(reaction)] });
  }

  /** A payload too long for `callback_data` is found among the buttons of the customer's latest conversation. */
  private async findHashedPayload(userId: number, data: string): Promise<string | undefined> {
    const customer = await this.deps.customers.findByIdentity('telegram', String(userId));
    const conversation = customer && (await this.deps.conversations.latestFor(customer._id, 'telegram'));
    if (!conversation) return undefined;
    const transcript = await this.deps.messages.transcript(conversation._id);
    return transcript
      .flatMap((line) => line.buttons)
      .map((button) => button.payload)
      .find((payload) => toCallbackData(payload) === data);
  }

  private inbound(updateId: number, user: TelegramUser, chatId: number): Omit<InboundMessage, 'text'> {
    const displayName = displayNameOf(user);
    return {
      channel: 'telegram',
      externalUserId: String(user.id),
      ...(displayName ? { displayName } : {}),
      platformMessageId: `update:${updateId}`,
      ...(user.language_code ? { localeHint: user.language_code } : {}),
      address: { chatId },
      receivedAt: new Date(),
    };
  }
}
