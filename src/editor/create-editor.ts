import type { Config } from '../config/config-schema.js';
import type { AnswerPolicy } from '../engine/answer-policy.js';
import type { UserRepository } from '../accounts/user-repository.js';
import type { IntentMatcher } from '../intents/intent-matcher.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { ArticleRepository } from '../knowledge/article-repository.js';
import type { SynonymRepository } from '../knowledge/synonyms/synonym-repository.js';
import type { DocumentStore } from '../storage/document-store.js';
import { ContentGapRepository } from './gaps/content-gap.js';
import { ContentGaps } from './gaps/content-gaps.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { QuestionLog } from '../knowledge/question-log.js';
import { ArticleDrafts } from './article-drafts.js';
import { ArticleEditor } from './article-editor.js';
import type { EditorRouteDeps } from './editor-routes.js';
import { LiveIndex } from './live-index.js';
import { SynonymEditor } from './synonym-editor.js';

/**
 * Wires the knowledge-base editor (articles, synonyms, gaps) over the product's store, live
 * knowledge base and the engine's own answer policy (so "try it" decides exactly as the engine does);
 * content gaps leave out what the engine's intents handle (small talk, requests for a person).
 */
export function createEditor(deps: { config: Pick<Config, 'locales' | 'answers'>; store: DocumentStore; repositories: { articles: ArticleRepository; synonyms: SynonymRepository; users: UserRepository; messages: MessageRepository }; knowledge: KnowledgeBase; policy: AnswerPolicy; intents: IntentMatcher; questions: QuestionLog }): EditorRouteDeps & { index: LiveIndex } {
  const { config, store, repositories, knowledge, policy, intents, questions } = deps;
  const index = new LiveIndex(knowledge, repositories.articles, repositories.synonyms);
  const editor = new ArticleEditor({ articles: repositories.articles, drafts: new ArticleDrafts(store), users: repositories.users, index, locales: config.locales.supported });
  const gaps = new ContentGaps({ questions, gaps: new ContentGapRepository(store), articles: repositories.articles, messages: repositories.messages, editor, intents, answers: config.answers });
  const synonyms = new SynonymEditor({ synonyms: repositories.synonyms, users: repositories.users, index, locales: config.locales.supported });
  return { editor, gaps, synonyms, policy, knowledge, index, locales: config.locales.supported, defaultLocale: config.locales.default };
}
