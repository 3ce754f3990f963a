import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { localeSchema } from '../config/config-schema.js';
import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';

/**
 * Why a question is worth an editor's look. `handed_off` is no longer written (asking for a
 * person or complaining is not a knowledge gap); older logs may hold it.
 */
export const questionOutcomeSchema = z.enum(['missed', 'weak', 'handed_off', 'rejected']);
export type QuestionOutcome = z.infer<typeof questionOutcomeSchema>;

/** A customer question the bot missed, answered weakly, or whose answer was rejected. */
export const loggedQuestionSchema = z.object({
  _id: z.string(),
  text: z.string().max(8000),
  outcome: questionOutcomeSchema,
  locale: localeSchema,
  channel: channelIdSchema,
  conversationId: z.string(),
  customerId: z.string(),
  /** The best article candidates at the time, best first. */
  candidates: z.array(z.object({ slug: z.string(), confidence: z.number() })).default([]),
  createdAt: z.date(),
});
export type LoggedQuestion = z.infer<typeof loggedQuestionSchema>;

/** The log of questions the knowledge base did not serve well, for editors' content gaps. */
export class QuestionLog {
  private readonly questions;

  constructor(store: DocumentStore) {
    this.questions = store.collection<LoggedQuestion>('question_log');
  }

  record(entry: Omit<LoggedQuestion, '_id' | 'createdAt'> & { createdAt?: Date }): Promise<LoggedQuestion> {
    return this.questions.insertOne(loggedQuestionSchema.parse({ _id: newId('qst'), createdAt: new Date(), ...entry }));
  }

  /** Logged questions, newest first, optionally of one outcome. */
  list(filter: { outcome?: QuestionOutcome } = {}, limit = 100): Promise<LoggedQuestion[]> {
    return this.questions.find(filter.outcome ? { outcome: filter.outcome } : {}, { sort: { createdAt: -1 }, limit });
  }
}
