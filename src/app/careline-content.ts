import type { Config } from '../config/config-schema.js';
import { fillBusiness } from '../config/business-profile.js';
import { IntentMatcher } from '../intents/intent-matcher.js';
import { readIntentFiles } from '../intents/read-intent-files.js';
import { readArticleFiles } from '../knowledge/files/read-article-files.js';
import type { AnswerIndexBuilder } from '../knowledge/knowledge-base.js';
import { readSynonymFiles } from '../knowledge/synonyms/read-synonym-files.js';

/** What start-up reads from the intents folder and the knowledge-base folder. */
export interface CarelineContent {
  intents: IntentMatcher;
  articleFiles: ReturnType<typeof readArticleFiles>;
  synonymFiles: ReturnType<typeof readSynonymFiles>;
  /** How the knowledge base makes its answer index; a fresh one per (re)load when absent. */
  answerIndex?: AnswerIndexBuilder;
}

/**
 * Reads the folders `config` names: the intents (a bad intent file throws `IntentFileError`)
 * and the knowledge base's article and synonym files (bad ones are reported as problems).
 * `createCareline` does this itself unless it is handed the content already read.
 */
export function readCarelineContent(config: Pick<Config, 'intentsDir' | 'knowledgeBaseDir' | 'business'>): CarelineContent {
  return {
    intents: new IntentMatcher(readIntentFiles(config.intentsDir), (text, locale) => fillBusiness(text, config.business, locale)),
    articleFiles: readArticleFiles(config.knowledgeBaseDir),
    synonymFiles: readSynonymFiles(config.knowledgeBaseDir),
  };
}
