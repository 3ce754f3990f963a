import type { ChannelId } from '../core/channel-id.js';
import type { DocumentStore, Update } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { csatPromptSchema, type CsatPrompt } from './csat-prompt.js';

/** Surveys sent (or skipped), one per conversation, in `csat_prompts`. */
export class CsatPromptRepository {
  private readonly prompts;

  constructor(store: DocumentStore) {
    this.prompts = store.collection<CsatPrompt>('csat_prompts');
  }

  /** Records a survey; a second one for the same conversation throws `DuplicateKeyError`. */
  create(input: Omit<CsatPrompt, '_id' | 'createdAt' | 'unclear'>): Promise<CsatPrompt> {
    return this.prompts.insertOne(csatPromptSchema.parse({ _id: newId('csp'), createdAt: new Date(), unclear: 0, ...input }));
  }

  forConversation(conversationId: string): Promise<CsatPrompt | null> {
    return this.prompts.findOne({ conversationId });
  }

  /** Whether the customer was asked (on any channel) at or after `since`. */
  async promptedSince(customerId: string, since: Date): Promise<boolean> {
    return (await this.prompts.findOne({ customerId, promptedAt: { $gte: since } })) !== null;
  }

  /** The customer's survey on `channel` still waiting for a rating or a comment at `now`. */
  open(customerId: string, channel: ChannelId, now: Date): Promise<CsatPrompt | null> {
    return this.prompts.findOne({ customerId, channel, status: { $in: ['prompted', 'rated'] }, expiresAt: { $gt: now } }, { sort: { promptedAt: -1 } });
  }

  /** Applies `update` only while the survey is still in `status`; null if it moved on. */
  advance(id: string, status: CsatPrompt['status'], update: Update): Promise<CsatPrompt | null> {
    return this.prompts.findOneAndUpdate({ _id: id, status }, update);
  }
}
