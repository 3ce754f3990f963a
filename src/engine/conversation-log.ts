import type { ChannelId } from '../core/channel-id.js';
import { isSilentMessage, type InboundMessage } from '../core/messages.js';
import type { Customer } from '../customers/customer.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { platformContact, type VerifiedContacts } from '../customers/verified-contacts.js';
import { newId } from '../storage/new-id.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { Message } from '../conversations/message.js';
import type { MessageRepository } from '../conversations/message-repository.js';

/** What recording an inbound message produced. */
export interface RecordedInbound {
  customer: Customer;
  conversation: Conversation;
  message: Message;
  /** The platform delivered this message before (its turn may still be pending: see `Message.turnPending`). */
  duplicate: boolean;
}

/** The unique key of an inbound message: channel, sender and the platform's id, or none without an id. */
export function inboundKeyOf(inbound: Pick<InboundMessage, 'channel' | 'externalUserId' | 'platformMessageId'>): string | undefined {
  return inbound.platformMessageId ? JSON.stringify([inbound.channel, inbound.externalUserId, inbound.platformMessageId]) : undefined;
}

/**
 * Writes what customers say, before anything decides what to do with it: finds or creates
 * the customer by channel identity (linked to others by a contact the platform vouches
 * for), continues or opens their conversation, stores the message once per sender and
 * platform message id, marked `turnPending` until the bot's turn on it has finished.
 */
export class ConversationLog {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly verifiedContacts?: VerifiedContacts,
    /** The conversation an open survey of this customer on this channel asked about, if any (its answer belongs there). */
    private readonly surveyed?: (customerId: string, channel: ChannelId, now: Date) => Promise<string | null>,
  ) {}

  async recordInbound(inbound: InboundMessage): Promise<RecordedInbound> {
    const known = await this.customers.findOrCreateByIdentity(inbound.channel, inbound.externalUserId, inbound.displayName ? { displayName: inbound.displayName } : {});
    // A contact the platform vouches for (a WhatsApp number) makes one customer of everyone who has it.
    const customer = this.verifiedContacts ? await this.verifiedContacts.fromPlatform(known, platformContact(inbound.channel, inbound.externalUserId)) : known;
    const conversation = (await this.surveyedConversation(customer, inbound)) ?? (await this.reactedToResolved(customer, inbound)) ?? (await this.conversations.openFor(customer._id, inbound.channel, inbound.address, inbound.receivedAt));
    const inboundKey = inboundKeyOf(inbound);
    const { message, duplicate } = await this.messages.insertOnce({
      _id: newId('msg'),
      conversationId: conversation._id,
      customerId: customer._id,
      channel: inbound.channel,
      direction: 'in',
      author: { kind: 'customer', id: customer._id },
      text: inbound.text,
      ...(inbound.attachments?.length ? { attachments: inbound.attachments } : {}),
      buttons: [],
      ...(inbound.payload ? { payload: inbound.payload } : {}),
      ...(inbound.platformMessageId ? { platformMessageId: inbound.platformMessageId } : {}),
      ...(inboundKey ? { inboundKey } : {}),
      ...(inbound.localeHint ? { localeHint: inbound.localeHint } : {}),
      turnPending: true,
      // Stored at the moment it is handled, so the transcript reads in the order the bot saw it.
      createdAt: new Date(),
    });
    return { customer, conversation, message, duplicate };
  }

  /**
   * A resolved conversation whose survey is open: the rating (or whatever else the customer
   * writes now) is recorded there, in context; the engine moves anything the survey does not
   * take to a new conversation (`reopen`).
   */
  private async surveyedConversation(customer: Customer, inbound: InboundMessage): Promise<Conversation | null> {
    const id = await this.surveyed?.(customer._id, inbound.channel, inbound.receivedAt);
    const conversation = id ? await this.conversations.get(id) : null;
    return conversation?.state === 'resolved' || conversation?.state === 'closed' ? conversation : null;
  }

  /** A reaction or notice after the conversation was resolved (a 👍 to the agent's last message) stays in it rather than opening a new one. */
  private async reactedToResolved(customer: Customer, inbound: InboundMessage): Promise<Conversation | null> {
    if (!isSilentMessage(inbound)) return null;
    const latest = await this.conversations.latestFor(customer._id, inbound.channel);
    return latest?.state === 'resolved' ? latest : null;
  }

  /** Moves a message the survey did not take out of the resolved conversation into the customer's open one (opened if none). */
  async reopen(recorded: Pick<RecordedInbound, 'customer' | 'conversation' | 'message'>): Promise<{ conversation: Conversation; message: Message }> {
    const { customer, conversation, message } = recorded;
    const open = await this.conversations.openFor(customer._id, conversation.channel, conversation.address, message.createdAt);
    const moved = await this.messages.moveTo(message._id, open._id);
    return { conversation: open, message: moved ?? { ...message, conversationId: open._id } };
  }

}
