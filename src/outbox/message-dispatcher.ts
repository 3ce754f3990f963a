import type { Logger } from 'pino';
import type { Channel } from '../core/channel.js';
import type { ChannelRegistry } from '../core/channel-registry.js';
import type { Button, Link, OutboundMessage } from '../core/messages.js';
import type { Locale } from '../config/config-schema.js';
import { defaultPersona, fillPersona, type Persona } from '../config/persona.js';
import type { EventBus } from '../events/event-bus.js';
import type { OutboxWorker } from './outbox-worker.js';
import { newId } from '../storage/new-id.js';
import type { Conversation } from '../conversations/conversation.js';
import type { DeliveryState, Message } from '../conversations/message.js';
import type { ChannelId } from '../core/channel-id.js';
import type { MessageRepository } from '../conversations/message-repository.js';

/** Something to say to a customer. */
export interface Reply {
  text: string;
  buttons?: Button[];
  link?: Link;
  locale?: Locale;
  kind?: 'text' | 'choices' | 'rating';
  /** The article and confidence the bot answered with, kept in the transcript for agents. */
  articleId?: string;
  confidence?: number;
  /** The chat model that worded the answer, when one did. */
  wordedBy?: string;
  /** A stable transcript id (a bot reply's is derived from the customer message), so saying it twice stores and sends it once. */
  id?: string;
  /** The platform's id of the customer message this answers in its turn (see `OutboundMessage.inReplyTo`). */
  inReplyTo?: string;
}

export type Author = { kind: 'bot' | 'system' } | { kind: 'agent'; id: string; name?: string };

/**
 * Writes to a customer: stores the line in the transcript first (so nothing said is lost
 * and web chat can catch up from it), puts it in the durable outbox, whose worker sends it
 * on the conversation's channel at once and in order (retried with backoff when the
 * platform fails or times out, and after a restart), then emits `message.sent`. `deliver`
 * resolves once the message is stored and queued (or, when asked, after the first send
 * try). Every
 * outbound message goes through here: bot and agent replies, surveys. What the bot and the
 * system say is worded in the shop's persona here (`{persona.you}` in any phrase table or
 * article reads "anh/chị" or "quý khách"); an agent's words are sent as written.
 */
export class MessageDispatcher {
  constructor(
    private readonly messages: MessageRepository,
    private readonly channels: ChannelRegistry,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly delivery: OutboxWorker,
    private readonly persona: Persona = defaultPersona,
  ) {}

  /**
   * Records a platform's delivery receipt (sent, delivered, read, failed) on the outbound
   * message it names by the platform's id: a message sent at once carries that id; one sent
   * by an outbox retry is found through its outbox entry. False for a message this server
   * did not send.
   */
  async recordReceipt(channel: ChannelId, platformMessageId: string, state: DeliveryState): Promise<boolean> {
    if (await this.messages.recordDelivery(channel, platformMessageId, state)) return true;
    const messageId = await this.delivery.sentMessageId(channel, platformMessageId);
    if (!messageId) return false;
    await this.messages.setPlatformMessageId(messageId, platformMessageId);
    return this.messages.recordDelivery(channel, platformMessageId, state);
  }

  /** Shows the customer that a reply is being written, where the channel can. */
  async typing(conversation: Conversation, output?: Channel): Promise<void> {
    const channel = output ?? this.channels.get(conversation.channel);
    try {
      await channel?.typing?.(conversation.address);
    } catch (error) {
      this.logger.warn({ err: error, conversationId: conversation._id }, 'typing indicator failed');
    }
  }

  /**
   * Stores and queues `reply`; `output` overrides the registered channel (e.g. a collecting
   * one). With `waitForFirstTry` it also waits for the first send (the bot's turn does, so a
   * platform sees its replies before its webhook is answered); an agent's reply does not.
   */
  async deliver(conversation: Conversation, author: Author, said: Reply, output?: Channel, { waitForFirstTry = false } = {}): Promise<Message> {
    const reply = author.kind === 'agent' ? said : this.inPersona(said, said.locale ?? conversation.locale);
    const { message, duplicate } = await this.messages.insertOnce({
      _id: reply.id ?? newId('msg'),
      conversationId: conversation._id,
      customerId: conversation.customerId,
      channel: conversation.channel,
      direction: 'out',
      author,
      text: reply.text,
      buttons: reply.buttons ?? [],
      ...(reply.kind === 'rating' ? { kind: 'rating' } : {}),
      ...(reply.link ? { link: reply.link } : {}),
      ...(reply.locale ? { locale: reply.locale } : {}),
      ...(reply.articleId ? { articleId: reply.articleId } : {}),
      ...(reply.confidence !== undefined ? { confidence: reply.confidence } : {}),
      ...(reply.wordedBy ? { wordedBy: reply.wordedBy } : {}),
      createdAt: new Date(),
    });
    const outbound: OutboundMessage = {
      kind: reply.kind ?? (reply.buttons?.length ? 'choices' : 'text'),
      text: reply.text,
      buttons: reply.buttons ?? [],
      ...(reply.link ? { link: reply.link } : {}),
      ...(reply.locale ? { locale: reply.locale } : {}),
      messageId: message._id,
      author: author.kind === 'agent' ? { kind: 'agent', ...(author.name ? { name: author.name } : {}) } : { kind: author.kind },
      ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo } : {}),
    };
    if (output) {
      if (!duplicate) await this.sendNow(output, conversation, outbound);
      return message;
    }
    if (!this.channels.get(conversation.channel)) {
      this.logger.warn({ conversationId: conversation._id, channel: conversation.channel }, 'channel not enabled; the reply stays in the transcript');
    } else {
      // A repeated reply (a turn finished after a restart) is queued once: the outbox entry's id is the message's.
      const { sent } = await this.delivery.dispatch({ conversationId: conversation._id, channel: conversation.channel, address: conversation.address, message: outbound });
      if (waitForFirstTry) await sent;
    }
    if (!duplicate) this.events.emit('message.sent', { conversation, message });
    return message;
  }

  /** The bot's or the system's reply with the persona's words for its language. */
  private inPersona(reply: Reply, locale: Locale | undefined): Reply {
    if (!locale) return reply;
    const fill = (text: string) => fillPersona(text, this.persona, locale);
    return {
      ...reply,
      text: fill(reply.text),
      ...(reply.buttons ? { buttons: reply.buttons.map((button) => ({ ...button, label: fill(button.label) })) } : {}),
      ...(reply.link ? { link: { ...reply.link, label: fill(reply.link.label) } } : {}),
    };
  }

  /** A send to a per-request channel (a collecting one): nothing to retry later, so failures are logged. */
  private async sendNow(output: Channel, conversation: Conversation, outbound: OutboundMessage): Promise<void> {
    try {
      await output.send(conversation.address, outbound);
    } catch (error) {
      this.logger.error({ err: error, conversationId: conversation._id, messageId: outbound.messageId }, 'sending a reply failed; it stays in the transcript');
    }
  }
}
