import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { csatResponseSchema, type CsatResponse } from './csat-response.js';

/** Stored satisfaction ratings (reports over them: `src/reports/csat-report.ts`). */
export class CsatRepository {
  private readonly responses;

  constructor(store: DocumentStore) {
    this.responses = store.collection<CsatResponse>('csat_responses');
  }

  /** Stores a rating; a second one for the same conversation throws `DuplicateKeyError`. */
  record(input: Omit<CsatResponse, '_id'>): Promise<CsatResponse> {
    return this.responses.insertOne(csatResponseSchema.parse({ _id: newId('csat'), ...input }));
  }

  /** Adds the customer's optional comment to the rating of a conversation. */
  async addComment(conversationId: string, comment: string): Promise<void> {
    await this.responses.updateOne({ conversationId }, { $set: { comment } });
  }

  forConversation(conversationId: string): Promise<CsatResponse | null> {
    return this.responses.findOne({ conversationId });
  }
}
