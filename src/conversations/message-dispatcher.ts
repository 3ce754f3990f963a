import type { Logger } from 'pino';
import type { Channel } from '../channels/channel.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import type { Button, Link, OutboundMessage } from '../channels/messages.js';
import type { Locale } from '../config/config-schema.js';
import type { EventBus } from '../events/event-bus.js';
import type { OutboxWorker } from '../outbox/outbox-worker.js';
import { newId } from '../storage/new-id.js';
import type { Conversation } from './conversation.js';
import type { Message } from './message.js';
import type { MessageRepository } from './message-repository.js';

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
}

export type Author = { kind: 'bot' | 'system' } | { kind: 'agent'; id: string; name?: string };

/**
 * Writes to a customer: stores the line in the transcript first (so nothing said is lost
 * and web chat can catch up from it), then sends it on the conversation's channel through
 * the outbox worker (retried with backoff, in order, when the platform fails), then emits
 * `message.sent`. Every outbound message goes through here: bot and agent replies, surveys.
 */
export class MessageDispatcher {
  constructor(
    private readonly messages: MessageRepository,
    private readonly channels: ChannelRegistry,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly delivery: OutboxWorker,
  ) {}

  /** Shows the customer that a reply is being written, where the channel can. */
  async typing(conversation: Conversation, output?: Channel): Promise<void> {
    const channel = output ?? this.channels.get(conversation.channel);
    try {
      await channel?.typing?.(conversation.address);
    } catch (error) {
      this.logger.warn({ err: error, conversationId: conversation._id }, 'typing indicator failed');
    }
  }

  /** Stores and sends `reply`; `output` overrides the registered channel (e.g. a collecting one). */
  async deliver(conversation: Conversation, author: Author, reply: Reply, output?: Channel): Promise<Message> {
    const { message } = await this.messages.insertOnce({
      _id: newId('msg'),
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
    };
    if (output) await this.sendNow(output, conversation, outbound);
    else if (!this.channels.get(conversation.channel)) {
      this.logger.warn({ conversationId: conversation._id, channel: conversation.channel }, 'channel not enabled; the reply stays in the transcript');
    } else {
      const outcome = await this.delivery.send({ conversationId: conversation._id, channel: conversation.channel, address: conversation.address, message: outbound });
      // Delivery receipts (WhatsApp statuses) name the message by the platform's id.
      if (outcome.status === 'sent' && outcome.platformMessageId && outcome.platformMessageId !== message._id) await this.messages.setPlatformMessageId(message._id, outcome.platformMessageId);
    }
    this.events.emit('message.sent', { conversation, message });
    return message;
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
