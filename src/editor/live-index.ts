import type { ArticleRepository } from '../knowledge/article-repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SynonymSource } from '../knowledge/synonyms/synonyms.js';

/**
 * Keeps the in-memory answer index in step with the store: after each publish, restore or
 * archive, and each synonyms save, the editor calls `refresh()`, which rebuilds the index
 * from the published articles and synonyms at once (no restart). Refreshes run one after
 * another, so a slow older rebuild can never replace a newer one.
 */
export class LiveIndex {
  private last: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly articles: ArticleRepository,
    private readonly synonyms?: SynonymSource,
  ) {}

  /** Rebuilds the index; resolves with how many published articles it holds. */
  refresh(): Promise<number> {
    const next = this.last.catch(() => 0).then(() => this.knowledge.reload(this.articles, this.synonyms));
    this.last = next;
    return next;
  }
}
