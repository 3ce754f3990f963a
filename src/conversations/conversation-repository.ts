import type { ChannelId } from '../channels/channel-id.js';
import type { PlatformAddress } from '../channels/messages.js';
import type { DocumentStore, Filter, Update } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { conversationSchema, openStates, type Conversation } from './conversation.js';

/** Conversations: open one per customer and channel, find it again, change it with guards. */
export class ConversationRepository {
  private readonly conversations;

  constructor(store: DocumentStore) {
    this.conversations = store.collection<Conversation>('conversations');
  }

  /** The customer's open conversation on this channel, with its address refreshed, or a new one in state `bot`. */
  async openFor(customerId: string, channel: ChannelId, address: PlatformAddress, now = new Date()): Promise<Conversation> {
    const open = await this.conversations.findOneAndUpdate(
      { customerId, channel, state: { $in: openStates } },
      { $set: { address, lastMessageAt: now, lastCustomerMessageAt: now, updatedAt: now } },
      { sort: { createdAt: -1 } },
    );
    if (open) return open;
    const conversation = conversationSchema.parse({
      _id: newId('cnv'),
      customerId,
      channel,
      address,
      state: 'bot',
      createdAt: now,
      updatedAt: now,
      lastMessageAt: now,
      lastCustomerMessageAt: now,
    });
    return this.conversations.insertOne(conversation);
  }

  get(id: string): Promise<Conversation | null> {
    return this.conversations.findOne({ _id: id });
  }

  /** Applies `update` only if the conversation still matches `guard` (e.g. its state); null if not. */
  transition(id: string, guard: Filter, update: Update): Promise<Conversation | null> {
    return this.conversations.findOneAndUpdate({ ...guard, _id: id }, update);
  }

  listByCustomer(customerId: string): Promise<Conversation[]> {
    return this.conversations.find({ customerId }, { sort: { createdAt: -1 } });
  }
}
