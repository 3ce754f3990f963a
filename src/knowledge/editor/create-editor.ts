import type { Config } from '../../config/config-schema.js';
import type { AnswerPolicy } from '../../engine/answer-policy.js';
import type { Services } from '../../services.js';
import type { DocumentStore } from '../../storage/document-store.js';
import { ContentGapRepository } from '../gaps/content-gap.js';
import { ContentGaps } from '../gaps/content-gaps.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { QuestionLog } from '../question-log.js';
import { ArticleDrafts } from './article-drafts.js';
import { ArticleEditor } from './article-editor.js';
import type { EditorRouteDeps } from './editor-routes.js';
import { LiveIndex } from './live-index.js';
import { SynonymEditor } from './synonym-editor.js';

/**
 * Wires the knowledge-base editor (articles, synonyms, gaps) over the product's store, live
 * knowledge base and the engine's own answer policy (so "try it" decides exactly as the engine does).
 */
export function createEditor(deps: { config: Pick<Config, 'locales'>; store: DocumentStore; services: Services; knowledge: KnowledgeBase; policy: AnswerPolicy; questions: QuestionLog }): EditorRouteDeps & { index: LiveIndex } {
  const { config, store, services, knowledge, policy, questions } = deps;
  const index = new LiveIndex(knowledge, services.articles, services.synonyms);
  const editor = new ArticleEditor({ articles: services.articles, drafts: new ArticleDrafts(store), users: services.users, index, locales: config.locales.supported });
  const gaps = new ContentGaps({ questions, gaps: new ContentGapRepository(store), articles: services.articles, messages: services.messages, editor });
  const synonyms = new SynonymEditor({ synonyms: services.synonyms, users: services.users, index, locales: config.locales.supported });
  return { editor, gaps, synonyms, policy, knowledge, index, locales: config.locales.supported, defaultLocale: config.locales.default };
}
