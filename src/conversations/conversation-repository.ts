import type { ChannelId } from '../core/channel-id.js';
import type { PlatformAddress } from '../core/messages.js';
import type { DocumentStore, Filter, Update } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { conversationSchema, openConversationKey, openStates, type Conversation, type ConversationState } from './conversation.js';

/** Conversations: open one per customer and channel, find it again, change it with guards. */
export class ConversationRepository {
  private readonly conversations;

  constructor(store: DocumentStore) {
    this.conversations = store.collection<Conversation>('conversations');
  }

  /** The customer's open conversation on this channel, with its address refreshed, or a new one in state `bot`. */
  async openFor(customerId: string, channel: ChannelId, address: PlatformAddress, now = new Date()): Promise<Conversation> {
    const openKey = openConversationKey(customerId, channel);
    const continueOpen = () =>
      this.conversations.findOneAndUpdate({ openKey }, { $set: { address, lastMessageAt: now, lastCustomerMessageAt: now, updatedAt: now } });
    const open = await continueOpen();
    if (open) return open;
    const conversation = conversationSchema.parse({
      openKey,
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
    try {
      return await this.conversations.insertOne(conversation);
    } catch (error) {
      // Another message of the same customer opened it first.
      if (!(error instanceof DuplicateKeyError)) throw error;
      const winner = await continueOpen();
      if (!winner) throw error;
      return winner;
    }
  }

  get(id: string): Promise<Conversation | null> {
    return this.conversations.findOne({ _id: id });
  }

  /**
   * Applies `update` only if the conversation still matches `guard` (e.g. its state); null
   * if not. Moving to a state that is not open releases the open-conversation key.
   */
  transition(id: string, guard: Filter, update: Update): Promise<Conversation | null> {
    const nextState = (update.$set as { state?: ConversationState } | undefined)?.state;
    const closing = nextState !== undefined && !openStates.includes(nextState);
    const effective = closing ? { ...update, $unset: { ...(update.$unset as object | undefined), openKey: '' } } : update;
    return this.conversations.findOneAndUpdate({ ...guard, _id: id }, effective);
  }

  /** The customer's most recent conversation on a channel, open or not. */
  async latestFor(customerId: string, channel: ChannelId): Promise<Conversation | null> {
    const [latest] = await this.conversations.find({ customerId, channel }, { sort: { createdAt: -1 }, limit: 1 });
    return latest ?? null;
  }

  /** Conversations in a state, oldest first (the handoff repair reads the waiting ones). */
  inState(state: ConversationState): Promise<Conversation[]> {
    return this.conversations.find({ state }, { sort: { createdAt: 1 } });
  }

  /** Conversations someone answers from a platform's own app (owner `platform:<channel>`), most recent first. */
  answeredOnPlatforms(): Promise<Conversation[]> {
    return this.conversations.find({ state: 'with_agent', ownerId: { $regex: '^platform:' } }, { sort: { lastMessageAt: -1 } });
  }

  /** Conversations an agent owns now, most recent activity first. */
  ownedBy(agentId: string): Promise<Conversation[]> {
    return this.conversations.find({ state: 'with_agent', ownerId: agentId }, { sort: { lastMessageAt: -1 } });
  }

  listByCustomer(customerId: string): Promise<Conversation[]> {
    return this.conversations.find({ customerId }, { sort: { createdAt: -1 } });
  }
}
