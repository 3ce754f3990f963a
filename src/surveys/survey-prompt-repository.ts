import type { DocumentStore } from '../storage/document-store.js';
import { PromptRepository } from './prompt-repository.js';
import { surveyPromptSchema, type SurveyPrompt } from './survey-prompt.js';
import type { NpsOrCes } from './survey-scale.js';

/** NPS and CES surveys sent (or skipped), one per conversation, in `survey_prompts`. */
export class SurveyPromptRepository extends PromptRepository<SurveyPrompt> {
  constructor(store: DocumentStore) {
    super(store, { name: 'survey_prompts', schema: surveyPromptSchema, idPrefix: 'svp' });
  }

  /** Whether the customer was asked (on any channel, `kind` or any kind) at or after `since`. */
  override promptedSince(customerId: string, since: Date, kind?: NpsOrCes): Promise<boolean> {
    return this.promptedSinceWhere(customerId, since, kind ? { kind } : {});
  }
}
