import type { DocumentStore } from '../storage/document-store.js';
import { PromptRepository } from '../surveys/prompt-repository.js';
import { csatPromptSchema, type CsatPrompt } from './csat-prompt.js';

/** CSAT surveys sent (or skipped), one per conversation, in `csat_prompts`. */
export class CsatPromptRepository extends PromptRepository<CsatPrompt> {
  constructor(store: DocumentStore) {
    super(store, { name: 'csat_prompts', schema: csatPromptSchema, idPrefix: 'csp' });
  }
}
