import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { messageSchema, type Message } from './message.js';

/** Transcript lines, in order; inbound platform messages are stored once per platform id. */
export class MessageRepository {
  private readonly messages;

  constructor(store: DocumentStore) {
    this.messages = store.collection<Message>('messages');
  }

  /**
   * Stores a message unless the same channel already delivered one with its platform id.
   * `duplicate: true` tells the caller a webhook was redelivered and must not be answered again.
   */
  async insertOnce(input: Message): Promise<{ message: Message; duplicate: boolean }> {
    const message = messageSchema.parse(input);
    try {
      return { message: await this.messages.insertOne(message), duplicate: false };
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || !message.platformMessageId) throw error;
      const existing = await this.messages.findOne({ channel: message.channel, platformMessageId: message.platformMessageId });
      if (!existing) throw error;
      return { message: existing, duplicate: true };
    }
  }

  transcript(conversationId: string): Promise<Message[]> {
    return this.messages.find({ conversationId }, { sort: { createdAt: 1, _id: 1 } });
  }
}
