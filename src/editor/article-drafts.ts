import { z } from 'zod';
import { localeSchema, type Locale } from '../config/config-schema.js';
import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
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
  /** How many times the draft was saved (1 for a new draft); drafts kept before it was counted are 1. */
  revision: z.number().int().positive().default(1),
  editedBy: z.string().optional(),
  updatedAt: z.date(),
});
export type ArticleDraft = z.infer<typeof articleDraftSchema>;

/** What a save of a draft expects to replace: the draft at `revision`, or no draft at all (`null`). */
export interface DraftExpectation {
  revision: number | null;
}

/** The store of pending drafts (`article_drafts`). */
export class ArticleDrafts {
  private readonly drafts;

  constructor(store: DocumentStore) {
    this.drafts = store.collection<ArticleDraft>('article_drafts');
  }

  async find(slug: string, locale: Locale): Promise<ArticleDraft | null> {
    const draft = await this.drafts.findOne({ slug, locale });
    return draft ? articleDraftSchema.parse(draft) : null;
  }

  /** Every pending draft (the editor's list marks their articles). */
  all(): Promise<ArticleDraft[]> {
    return this.drafts.find({});
  }

  /**
   * Keeps `content` as the pending draft of the article, replacing an earlier one and
   * counting its revision. With `expected`, only the draft the writer read is replaced
   * (or, for `revision: null`, a draft is only created where there was none): anything
   * else returns null and nothing is written.
   */
  async put(slug: string, locale: Locale, content: ArticleContent, meta: { baseRevision: number; editedBy?: string; expected?: DraftExpectation }): Promise<ArticleDraft | null> {
    const current = await this.find(slug, locale);
    const expected = meta.expected;
    if (expected && expected.revision !== (current?.revision ?? null)) return null;
    const draft = articleDraftSchema.parse({ ...content, _id: `${slug}/${locale}`, slug, locale, baseRevision: meta.baseRevision, revision: (current?.revision ?? 0) + 1, editedBy: meta.editedBy, updatedAt: new Date() });
    if (!expected) {
      await this.drafts.replaceOne({ _id: draft._id }, draft, { upsert: true });
      return draft;
    }
    if (!current) return this.insertNew(draft);
    // Only the writer that read the current draft may replace it (drafts kept before revisions were counted have none).
    const sameDraft = current.revision === 1 ? { $or: [{ revision: 1 }, { revision: { $exists: false } }] } : { revision: current.revision };
    const replaced = await this.drafts.replaceOne({ _id: draft._id, ...sameDraft }, draft);
    return replaced.matchedCount === 1 ? draft : null;
  }

  async discard(slug: string, locale: Locale): Promise<boolean> {
    return (await this.drafts.deleteOne({ slug, locale })) > 0;
  }

  private async insertNew(draft: ArticleDraft): Promise<ArticleDraft | null> {
    try {
      return await this.drafts.insertOne(draft);
    } catch (error) {
      // Another editor's first draft got there first.
      if (error instanceof DuplicateKeyError) return null;
      throw error;
    }
  }
}
