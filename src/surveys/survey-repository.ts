import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { surveyResponseSchema, type SurveyResponse } from './survey-response.js';

/** Stored NPS and CES answers (reports over them: `src/reports/survey-report.ts`). */
export class SurveyRepository {
  private readonly responses;

  constructor(store: DocumentStore) {
    this.responses = store.collection<SurveyResponse>('survey_responses');
  }

  /** Stores an answer; a second one for the same conversation throws `DuplicateKeyError`. */
  async record(input: Omit<SurveyResponse, '_id'>): Promise<SurveyResponse> {
    return this.responses.insertOne(surveyResponseSchema.parse({ _id: newId('svr'), ...input }));
  }

  /** Adds the customer's optional comment to the answer of a conversation. */
  async addComment(conversationId: string, comment: string): Promise<void> {
    await this.responses.updateOne({ conversationId }, { $set: { comment } });
  }

  forConversation(conversationId: string): Promise<SurveyResponse | null> {
    return this.responses.findOne({ conversationId });
  }
}
