import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { ArticleEmbeddingRepository } from '../knowledge/openai/article-embedding-repository.js';
import { ArticleVectors } from '../knowledge/openai/article-vectors.js';
import { GroundedWriter } from '../knowledge/openai/grounded-writer.js';
import { ModelFailureLog } from '../knowledge/openai/model-failures.js';
import { TextEmbedder } from '../knowledge/openai/text-embedder.js';
import type { DocumentStore } from '../storage/document-store.js';
import type { AnswerPolicy } from './answer-policy.js';
import { ModelAnswerPolicy } from './model-answer-policy.js';

// Embedding a batch of articles in the background may take longer than a customer's turn.
const backgroundBudgetFactor = 10;
// A start-up or publish during a provider outage is embedded again after a minute (then 2, 4 … 32).
const syncRetryMs = 60_000;

/**
 * Wires the optional OpenAI path over the offline policy: the model-aware policy the engine
 * uses and, with embeddings on, the article vectors, synced now (in the background) and
 * after every knowledge-base reload (every publish, restore or archive).
 */
export function createModelAssist(deps: { client: OpenAI; config: Config; store: DocumentStore; knowledge: KnowledgeBase; offline: AnswerPolicy; logger: Logger }) {
  const { client, config, store, knowledge, offline, logger } = deps;
  const settings = config.openai;
  const failures = new ModelFailureLog(logger);
  const embedder = settings.embeddings ? new TextEmbedder(client, settings.embeddingModel, settings.embeddingDimensions) : null;
  const vectors = embedder ? new ArticleVectors({ embedder, repository: new ArticleEmbeddingRepository(store), failures, batchTimeoutMs: settings.timeoutMs * backgroundBudgetFactor, retryMs: syncRetryMs }) : null;
  if (vectors) {
    void vectors.sync(knowledge.articles());
    knowledge.onReload((articles) => void vectors.sync(articles));
  }
  const policy = new ModelAnswerPolicy({
    config,
    offline,
    knowledge,
    failures,
    embeddings: embedder && vectors ? { embedder, vectors } : undefined,
    writer: settings.wording ? new GroundedWriter(client, settings.chatModel, config.business.persona) : undefined,
  });
  return {
    policy,
    vectors,
    /** Resolves when queued article embedding is done. */
    idle: (): Promise<void> => vectors?.idle() ?? Promise.resolve(),
    /** Aborts article embedding in progress (before the store closes). */
    stop: (): Promise<void> => vectors?.stop() ?? Promise.resolve(),
  };
}

export type ModelAssistWiring = ReturnType<typeof createModelAssist>;
