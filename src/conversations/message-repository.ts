import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { messageSchema, type DeliveryState, type Message } from './message.js';

/** Receipt states a later one may replace: read never goes back to delivered; failed is final. */
const replaceable: Record<DeliveryState['status'], DeliveryState['status'][]> = {
  sent: [],
  delivered: ['sent'],
  read: ['sent', 'delivered'],
  failed: ['sent', 'delivered', 'read'],
};

/** Transcript lines, in order; inbound platform messages are stored once per sender and platform id. */
export class MessageRepository {
  private readonly messages;

  constructor(store: DocumentStore) {
    this.messages = store.collection<Message>('messages');
  }

  /**
   * Stores a message unless one with its `_id` or its `inboundKey` (the same sender's
   * redelivered message) is stored already; then `duplicate: true` and the stored one.
   */
  async insertOnce(input: Message): Promise<{ message: Message; duplicate: boolean }> {
    const message = messageSchema.parse(input);
    try {
      return { message: await this.messages.insertOne(message), duplicate: false };
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const existing = (message.inboundKey ? await this.messages.findOne({ inboundKey: message.inboundKey }) : null) ?? (await this.messages.findOne({ _id: message._id }));
      if (!existing) throw error;
      return { message: existing, duplicate: true };
    }
  }

  /** Whether an outbound message went out under this platform id (the echo of a send is known as Careline's own). */
  async sentAs(channel: Message['channel'], platformMessageId: string): Promise<boolean> {
    return (await this.messages.findOne({ channel, direction: 'out', platformMessageId })) !== null;
  }

  /** Moves a message to another conversation of the same customer; the moved message, or null when there is none. */
  moveTo(messageId: string, conversationId: string): Promise<Message | null> {
    return this.messages.findOneAndUpdate({ _id: messageId }, { $set: { conversationId } });
  }

  get(id: string): Promise<Message | null> {
    return this.messages.findOne({ _id: id });
  }

  /** Marks the bot's turn on an inbound message finished: a redelivery of it is now a duplicate. */
  async finishTurn(messageId: string): Promise<void> {
    await this.messages.updateOne({ _id: messageId }, { $unset: { turnPending: '' } });
  }

  /** Inbound messages whose turn never finished (the process stopped during it), oldest first. */
  pendingTurns(limit = 1000): Promise<Message[]> {
    return this.messages.find({ turnPending: true }, { sort: { createdAt: 1, _id: 1 }, limit });
  }

  /** When the customer last heard from Careline (bot, agent or system) in the conversation, or null. */
  async lastAnsweredAt(conversationId: string): Promise<Date | null> {
    const [latest] = await this.messages.find({ conversationId, 'author.kind': { $in: ['bot', 'agent', 'system'] } }, { sort: { createdAt: -1, _id: -1 }, limit: 1 });
    return latest?.createdAt ?? null;
  }

  transcript(conversationId: string): Promise<Message[]> {
    return this.messages.find({ conversationId }, { sort: { createdAt: 1, _id: 1 } });
  }

  /** Notes the platform's id of an outbound message once the platform took it, so its delivery receipts find it. */
  async setPlatformMessageId(messageId: string, platformMessageId: string): Promise<void> {
    await this.messages.updateOne({ _id: messageId }, { $set: { platformMessageId } });
  }

  /**
   * Records a delivery receipt on the outbound message the platform's id names, unless it
   * already holds a later state (receipts can arrive out of order). Returns whether a
   * message with that id exists.
   */
  async recordDelivery(channel: Message['channel'], platformMessageId: string, state: DeliveryState): Promise<boolean> {
    const key = { channel, platformMessageId, direction: 'out' };
    const result = await this.messages.updateOne({ ...key, $or: [{ delivery: { $exists: false } }, { 'delivery.status': { $in: replaceable[state.status] } }] }, { $set: { delivery: state } });
    return result.matchedCount === 1 || (await this.messages.findOne(key)) !== null;
  }

  /** Customer and bot lines written since `from`, oldest first, at most `limit` (content-gap before/after counts). */
  customerAndBotSince(from: Date, limit = 20_000): Promise<Message[]> {
    return this.messages.find({ createdAt: { $gte: from }, 'author.kind': { $in: ['customer', 'bot'] } }, { sort: { createdAt: 1, _id: 1 }, limit });
  }
}
