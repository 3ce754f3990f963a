import type { z } from 'zod';
import type { ChannelId } from '../core/channel-id.js';
import type { DocumentCollection, DocumentStore, Filter, StoredDocument, Update } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';

/** The fields every kind of survey prompt is found and moved on by. */
export type StoredPrompt = StoredDocument & { status: string };

/** Where one kind of survey prompt is kept: its collection, its schema and its ids' prefix. */
export interface PromptCollection<P extends StoredPrompt> {
  name: string;
  schema: z.ZodType<P>;
  idPrefix: string;
}

/**
 * Surveys of one kind sent (or skipped), one per conversation (the collection's unique index),
 * e.g. `new PromptRepository(store, { name: 'csat_prompts', schema: csatPromptSchema, idPrefix: 'csp' })`.
 * CSAT (`CsatPromptRepository`) and NPS/CES (`SurveyPromptRepository`) keep theirs apart.
 */
export class PromptRepository<P extends StoredPrompt> {
  private readonly prompts: DocumentCollection<P>;
  private readonly schema: z.ZodType<P>;
  private readonly idPrefix: string;

  constructor(store: DocumentStore, { name, schema, idPrefix }: PromptCollection<P>) {
    this.prompts = store.collection<P>(name);
    this.schema = schema;
    this.idPrefix = idPrefix;
  }

  /** Records a survey; a second one for the same conversation throws `DuplicateKeyError`. */
  create(input: Omit<P, '_id' | 'createdAt' | 'unclear'>): Promise<P> {
    return this.prompts.insertOne(this.schema.parse({ _id: newId(this.idPrefix), createdAt: new Date(), unclear: 0, ...input }));
  }

  forConversation(conversationId: string): Promise<P | null> {
    return this.prompts.findOne({ conversationId });
  }

  /** Whether the customer was asked (on any channel) at or after `since`. */
  promptedSince(customerId: string, since: Date): Promise<boolean> {
    return this.promptedSinceWhere(customerId, since, {});
  }

  /** The customer's survey on `channel` still waiting for an answer or a comment at `now`. */
  open(customerId: string, channel: ChannelId, now: Date): Promise<P | null> {
    return this.prompts.findOne({ customerId, channel, status: { $in: ['prompted', 'rated'] }, expiresAt: { $gt: now } }, { sort: { promptedAt: -1 } });
  }

  /** Applies `update` only while the survey is still in `status`; null if it moved on. */
  advance(id: string, status: P['status'], update: Update): Promise<P | null> {
    return this.prompts.findOneAndUpdate({ _id: id, status }, update);
  }

  /** `promptedSince` among the prompts that also match `filter`. */
  protected async promptedSinceWhere(customerId: string, since: Date, filter: Filter): Promise<boolean> {
    return (await this.prompts.findOne({ customerId, promptedAt: { $gte: since }, ...filter })) !== null;
  }
}
