import type { Locale } from '../config/config-schema.js';
import { ConflictError } from '../core/app-error.js';
import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { articleRevisionSchema, articleSchema, type Article, type ArticleRevision, type RevisionAction } from './article.js';

export type ArticleContent = Pick<Article, 'title' | 'questions' | 'answer' | 'category' | 'tags' | 'status'>;

/** Who saved and why, kept on the revision. */
export interface SaveMeta {
  source: Article['source'];
  editedBy?: string;
  action?: RevisionAction;
  restoredFrom?: number;
  /** The revision the writer read; a different current revision is a conflict (409). */
  baseRevision?: number;
}

/** Filters of the editor's article list; every field optional. */
export interface ArticleFilter {
  locale?: Locale;
  category?: string;
  status?: Article['status'];
  slug?: string;
}

/** Articles per slug and locale, each save kept as a revision. */
export class ArticleRepository {
  private readonly articles;
  private readonly revisions;

  constructor(store: DocumentStore) {
    this.articles = store.collection<Article>('articles');
    this.revisions = store.collection<ArticleRevision>('article_revisions');
  }

  /** Creates or changes the article `slug` in `locale`, bumping its revision and keeping the old one. */
  async save(slug: string, locale: Locale, content: ArticleContent, meta: SaveMeta): Promise<Article> {
    const now = new Date();
    const existing = await this.articles.findOne({ slug, locale });
    if (meta.baseRevision !== undefined && existing && existing.revision !== meta.baseRevision) {
      throw new ConflictError(`Article ${slug}/${locale} is at revision ${existing.revision}, not ${meta.baseRevision}: someone else saved it meanwhile; reload and try again.`);
    }
    const article = articleSchema.parse({
      ...content,
      _id: existing?._id ?? newId('art'),
      slug,
      locale,
      revision: (existing?.revision ?? 0) + 1,
      source: meta.source,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(meta.editedBy ? { updatedBy: meta.editedBy } : {}),
    });
    const revision = articleRevisionSchema.parse({
      ...content,
      _id: newId('rev'),
      articleId: article._id,
      revision: article.revision,
      editedBy: meta.editedBy,
      editedAt: now,
      ...(meta.action ? { action: meta.action } : {}),
      ...(meta.restoredFrom ? { restoredFrom: meta.restoredFrom } : {}),
    });
    if (existing) {
      // Only the writer that read the current revision may replace it.
      const replaced = await this.articles.replaceOne({ _id: existing._id, revision: existing.revision }, article);
      if (replaced.matchedCount === 0) throw new ConflictError(`Article ${slug}/${locale} changed while saving; try again.`);
    } else {
      await this.articles.insertOne(article);
    }
    await this.revisions.insertOne(revision);
    return article;
  }

  find(slug: string, locale: Locale): Promise<Article | null> {
    return this.articles.findOne({ slug, locale });
  }

  published(): Promise<Article[]> {
    return this.articles.find({ status: 'published' }, { sort: { slug: 1, locale: 1 } });
  }

  /** Every article matching the filter, by slug then locale. */
  list(filter: ArticleFilter = {}): Promise<Article[]> {
    const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return this.articles.find(query, { sort: { slug: 1, locale: 1 } });
  }

  history(articleId: string): Promise<ArticleRevision[]> {
    return this.revisions.find({ articleId }, { sort: { revision: -1 } });
  }

  /** One saved revision of an article, or null. */
  revision(articleId: string, revision: number): Promise<ArticleRevision | null> {
    return this.revisions.findOne({ articleId, revision });
  }
}
