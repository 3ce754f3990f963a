import type { ChannelId } from '../core/channel-id.js';
import type { DocumentStore, Update } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { surveyPromptSchema, type SurveyPrompt } from './survey-prompt.js';
import type { NpsOrCes } from './survey-scale.js';

/** NPS and CES surveys sent (or skipped), one per conversation, in `survey_prompts`. */
export class SurveyPromptRepository {
  private readonly prompts;

  constructor(store: DocumentStore) {
    this.prompts = store.collection<SurveyPrompt>('survey_prompts');
  }

  /** Records a survey; a second one for the same conversation throws `DuplicateKeyError`. */
  create(input: Omit<SurveyPrompt, '_id' | 'createdAt' | 'unclear'>): Promise<SurveyPrompt> {
    return this.prompts.insertOne(surveyPromptSchema.parse({ _id: newId('svp'), createdAt: new Date(), unclear: 0, ...input }));
  }

  forConversation(conversationId: string): Promise<SurveyPrompt | null> {
    return this.prompts.findOne({ conversationId });
  }

  /** Whether the customer was asked (on any channel, `kind` or any kind) at or after `since`. */
  async promptedSince(customerId: string, since: Date, kind?: NpsOrCes): Promise<boolean> {
    return (await this.prompts.findOne({ customerId, promptedAt: { $gte: since }, ...(kind ? { kind } : {}) })) !== null;
  }

  /** The customer's survey on `channel` still waiting for a score or a comment at `now`. */
  open(customerId: string, channel: ChannelId, now: Date): Promise<SurveyPrompt | null> {
    return this.prompts.findOne({ customerId, channel, status: { $in: ['prompted', 'rated'] }, expiresAt: { $gt: now } }, { sort: { promptedAt: -1 } });
  }

  /** Applies `update` only while the survey is still in `status`; null if it moved on. */
  advance(id: string, status: SurveyPrompt['status'], update: Update): Promise<SurveyPrompt | null> {
    return this.prompts.findOneAndUpdate({ _id: id, status }, update);
  }
}
