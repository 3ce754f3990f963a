import { z } from 'zod';
import { localeSchema, type Locale } from '../config/config-schema.js';
import type { DocumentStore } from '../storage/document-store.js';
import { articleContentSchema } from '../knowledge/article.js';
import type { ArticleContent } from '../knowledge/article-repository.js';

/**
 * Unpublished changes to a published article. The published version keeps answering
 * customers until the draft is published; one draft per article and language.
 */
export const articleDraftSchema = articleContentSchema.extend({
  _id: z.string(),
  slug: z.string(),
  locale: localeSchema,
  /** The article's revision the draft started from. */
  baseRevision: z.number().int().positive(),
  editedBy: z.string().optional(),
  updatedAt: z.date(),
});
export type ArticleDraft = z.infer<typeof articleDraftSchema>;

/** The store of pending drafts (`article_drafts`). */
export class ArticleDrafts {
  private readonly drafts;

  constructor(store: DocumentStore) {
    this.drafts = store.collection<ArticleDraft>('article_drafts');
  }

  find(slug: string, locale: Locale): Promise<ArticleDraft | null> {
    return this.drafts.findOne({ slug, locale });
  }

  /** Every pending draft (the editor's list marks their articles). */
  all(): Promise<ArticleDraft[]> {
    return this.drafts.find({});
  }

  /** Keeps `content` as the pending draft of the article, replacing an earlier one. */
  async put(slug: string, locale: Locale, content: ArticleContent, meta: { baseRevision: number; editedBy?: string }): Promise<ArticleDraft> {
    const draft = articleDraftSchema.parse({ ...content, _id: `${slug}/${locale}`, slug, locale, baseRevision: meta.baseRevision, editedBy: meta.editedBy, updatedAt: new Date() });
    await this.drafts.replaceOne({ _id: draft._id }, draft, { upsert: true });
    return draft;
  }

  async discard(slug: string, locale: Locale): Promise<boolean> {
    return (await this.drafts.deleteOne({ slug, locale })) > 0;
  }
}
