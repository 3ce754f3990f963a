import { createHash } from 'node:crypto';
import type { Locale } from '../../config/config-schema.js';
import type { Article } from '../article.js';
import { decodeVector, encodeVector, type ArticleEmbedding, type ArticleEmbeddingRepository } from './article-embedding-repository.js';
import { ModelDeadline } from './model-deadline.js';
import type { ModelFailureLog } from './model-failures.js';
import type { TextEmbedder } from './text-embedder.js';

/** What an article contributes to embeddings: its title and question variants. */
export type EmbeddableArticle = Pick<Article, '_id' | 'slug' | 'locale' | 'title' | 'questions'>;

/** An article's best embedding similarity to a question. */
export interface SemanticMatch {
  slug: string;
  articleId: string;
  locale: Locale;
  title: string;
  /** Cosine similarity of the question and the article's closest text, -1 to 1. */
  similarity: number;
  /** The title or variant that was closest. */
  matchedText: string;
}

interface VectorEntry {
  article: EmbeddableArticle;
  hash: string;
  texts: string[];
  /** The texts' unit vectors one after another (row i is text i), for a tight scoring loop. */
  matrix: Float32Array;
}

/** One entry from an article's vectors (all of one length). */
function entryOf(article: EmbeddableArticle, hash: string, texts: string[], vectors: Float32Array[]): VectorEntry {
  const dimensions = vectors[0]?.length ?? 0;
  const matrix = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, row) => matrix.set(vector.length === dimensions ? vector : new Float32Array(dimensions), row * dimensions));
  return { article, hash, texts, matrix };
}

/** Dot product of `question` and the row of `matrix` starting at `offset` (four sums keep the loop fast). */
function dotAt(question: Float32Array, matrix: Float32Array, offset: number): number {
  const n = question.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += question[i]! * matrix[offset + i]!;
    s1 += question[i + 1]! * matrix[offset + i + 1]!;
    s2 += question[i + 2]! * matrix[offset + i + 2]!;
    s3 += question[i + 3]! * matrix[offset + i + 3]!;
  }
  for (; i < n; i++) s0 += question[i]! * matrix[offset + i]!;
  return s0 + s1 + s2 + s3;
}

/** The texts embedded for an article, in stored order. */
export function embeddedTexts(article: EmbeddableArticle): string[] {
  return [article.title, ...article.questions];
}

/** Hash of what is embedded for an article (its title and variants). */
export function contentHash(article: EmbeddableArticle): string {
  return createHash('sha256').update(JSON.stringify(embeddedTexts(article))).digest('hex').slice(0, 32);
}

// Inputs per embeddings request while (re)embedding articles.
const batchInputs = 64;

/**
 * The published articles' embeddings in memory, kept in step with the knowledge base:
 * `sync()` (at start and after every reload, i.e. every publish) takes unchanged articles'
 * vectors from memory or from the store's cache (`article_embeddings`, keyed by article id,
 * content hash and model) and embeds only new or edited ones, in batches, caching them.
 * Syncs run one after another in the background; a provider failure stops that sync
 * (logged once), the articles not embedded yet rank offline, and the sync is tried again
 * after `retryMs`, doubling up to 32 times that while the provider keeps failing.
 */
export class ArticleVectors {
  private entries = new Map<string, VectorEntry>();
  private last: Promise<void> = Promise.resolve();
  private current: ModelDeadline | null = null;
  private stopped = false;
  private latest: readonly EmbeddableArticle[] = [];
  private retry: NodeJS.Timeout | null = null;
  private failedSyncs = 0;

  constructor(
    private readonly deps: {
      embedder: TextEmbedder;
      repository: ArticleEmbeddingRepository;
      failures: ModelFailureLog;
      /** Budget of one background embeddings request. */
      batchTimeoutMs: number;
      /** Wait before retrying a sync the provider failed. */
      retryMs: number;
    },
  ) {}

  /** How many articles (per language) have vectors. */
  get size(): number {
    return this.entries.size;
  }

  /** Queues a sync with the published articles; resolves when it is done (never rejects). */
  sync(articles: readonly EmbeddableArticle[]): Promise<void> {
    this.latest = articles;
    const next = this.last
      .then(() => this.run(articles))
      .then((complete) => this.afterSync(complete))
      .catch((error: unknown) => void this.deps.failures.failed('article embeddings', error));
    this.last = next;
    return next;
  }

  /** Resolves when every queued sync is done. */
  idle(): Promise<void> {
    return this.last;
  }

  /** Aborts embedding in progress and skips queued syncs (before the store closes). */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.current?.dispose();
    return this.last;
  }

  /** After a sync the provider cut short, tries the latest articles again later (unless a newer sync is queued by then). */
  private afterSync(complete: boolean): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.failedSyncs = complete ? 0 : this.failedSyncs + 1;
    if (complete || this.stopped) return;
    const delay = this.deps.retryMs * 2 ** Math.min(this.failedSyncs - 1, 5);
    this.retry = setTimeout(() => void this.sync(this.latest), delay);
    this.retry.unref();
  }

  /** Each embedded article's best similarity to the (unit-length) question vector, best first, one per slug. */
  similarities(question: Float32Array): SemanticMatch[] {
    const bySlug = new Map<string, SemanticMatch>();
    const dimensions = question.length;
    for (const { article, texts, matrix } of this.entries.values()) {
      // Vectors of another model (another length) are not comparable: such an article is skipped.
      if (matrix.length !== texts.length * dimensions) continue;
      let best = -Infinity;
      let bestRow = 0;
      for (let row = 0; row < texts.length; row++) {
        const similarity = dotAt(question, matrix, row * dimensions);
        if (similarity > best) {
          best = similarity;
          bestRow = row;
        }
      }
      const known = bySlug.get(article.slug);
      if (known && known.similarity >= best) continue;
      bySlug.set(article.slug, { slug: article.slug, articleId: article._id, locale: article.locale, title: article.title, similarity: best, matchedText: texts[bestRow]! });
    }
    return [...bySlug.values()].sort((a, b) => b.similarity - a.similarity);
  }

  /** Brings the vectors in step with `articles`; false when the provider cut it short. */
  private async run(articles: readonly EmbeddableArticle[]): Promise<boolean> {
    if (this.stopped) return true;
    const next = new Map<string, VectorEntry>();
    const missing: { article: EmbeddableArticle; hash: string }[] = [];
    for (const article of articles) {
      const hash = contentHash(article);
      const known = this.entries.get(article._id);
      if (known?.hash === hash) next.set(article._id, { ...known, article });
      else missing.push({ article, hash });
    }
    this.entries = next;
    if (missing.length === 0) return true;
    const model = this.deps.embedder.cacheKey;
    const cached = new Map((await this.deps.repository.find(model, missing.map(({ article }) => article._id))).map((doc) => [doc.articleId, doc]));
    const toEmbed: { article: EmbeddableArticle; hash: string }[] = [];
    for (const item of missing) {
      const doc = cached.get(item.article._id);
      if (doc && isCurrent(doc, item.hash, embeddedTexts(item.article))) next.set(item.article._id, entryOf(item.article, item.hash, doc.texts, doc.vectors.map(decodeVector)));
      else toEmbed.push(item);
    }
    for (const batch of batches(toEmbed)) {
      if (this.stopped) return true;
      if (!(await this.embedBatch(batch, next))) return false;
    }
    return true;
  }

  /** Embeds and caches one batch; false when the provider failed (logged). */
  private async embedBatch(batch: { article: EmbeddableArticle; hash: string }[], into: Map<string, VectorEntry>): Promise<boolean> {
    const texts = batch.flatMap(({ article }) => embeddedTexts(article));
    const deadline = new ModelDeadline(this.deps.batchTimeoutMs);
    this.current = deadline;
    let vectors: Float32Array[];
    try {
      vectors = await deadline.run((options) => this.deps.embedder.embed(texts, options));
      this.deps.failures.succeeded('article embeddings');
    } catch (error) {
      if (!this.stopped) this.deps.failures.failed('article embeddings', error);
      return false;
    } finally {
      deadline.dispose();
      this.current = null;
    }
    let offset = 0;
    for (const { article, hash } of batch) {
      const own = embeddedTexts(article);
      const ownVectors = vectors.slice(offset, offset + own.length);
      const entry = entryOf(article, hash, own, ownVectors);
      offset += own.length;
      await this.deps.repository.save({ articleId: article._id, slug: article.slug, locale: article.locale, model: this.deps.embedder.cacheKey, contentHash: hash, texts: own, vectors: ownVectors.map(encodeVector), updatedAt: new Date() });
      into.set(article._id, entry);
    }
    return true;
  }
}

function isCurrent(doc: ArticleEmbedding, hash: string, texts: string[]): boolean {
  return doc.contentHash === hash && doc.vectors.length === texts.length;
}

/** Groups articles so that one request carries about `batchInputs` texts (an article is never split). */
function batches<T extends { article: EmbeddableArticle }>(items: T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const count = embeddedTexts(item.article).length;
    if (current.length > 0 && size + count > batchInputs) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += count;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
