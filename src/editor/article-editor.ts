import type { UserRepository } from '../accounts/user-repository.js';
import type { Locale } from '../config/config-schema.js';
import { ConflictError, NotFoundError } from '../core/app-error.js';
import type { Article, ArticleRevision } from '../knowledge/article.js';
import type { ArticleContent, ArticleFilter, ArticleRepository } from '../knowledge/article-repository.js';
import { foldDiacritics } from '../knowledge/text/fold-diacritics.js';
import type { ArticleDrafts } from './article-drafts.js';
import type { ArticleView, RevisionView, TranslationView } from './editor-documents.js';
import { contentOf, editConflict, isAtBase, type EditBase, type EditConflictError } from './edit-conflict.js';
import type { LiveIndex } from './live-index.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { diffArticles, type ArticleDiff } from './revision-diff.js';

/** The editable fields; the status is decided by save, publish, archive and restore. */
export type EditableContent = Omit<ArticleContent, 'status'>;

/** A user as revisions name them. */
export interface Editor {
  _id: string;
}


/**
 * What editors do to articles: list and search, edit (a published article gets a draft
 * that customers do not see until it is published), create translations, publish, archive,
 * look at revisions with a diff, restore one. Whatever changes what customers see
 * refreshes the live answer index at once.
 */
export class ArticleEditor {
  constructor(
    private readonly deps: { articles: ArticleRepository; drafts: ArticleDrafts; users: UserRepository; index: LiveIndex; locales: readonly Locale[] },
  ) {}

  /** Articles matching the filters and the search words (title, variants, answer; accents optional). */
  async list(filter: ArticleFilter & { q?: string }): Promise<(Article & { hasDraft: boolean })[]> {
    const { q, ...exact } = filter;
    const [articles, drafts] = await Promise.all([this.deps.articles.list(exact), this.deps.drafts.all()]);
    const drafted = new Set(drafts.map((draft) => draft._id));
    const words = q ? fold(q).split(/\s+/).filter(Boolean) : [];
    return articles
      .filter((article) => {
        if (words.length === 0) return true;
        const text = fold([article.slug, article.title, ...article.questions, article.answer, article.category].join('\n'));
        return words.every((word) => text.includes(word));
      })
      .map((article) => ({ ...article, hasDraft: drafted.has(`${article.slug}/${article.locale}`) }));
  }

  /** Every translation of an article side by side, and the languages it is missing. */
  async article(slug: string): Promise<ArticleView> {
    const articles = await this.deps.articles.list({ slug });
    if (articles.length === 0) throw new NotFoundError(`The article "${slug}"`);
    const translations: ArticleView['translations'] = {};
    for (const article of articles) translations[article.locale] = { article, draft: await this.deps.drafts.find(slug, article.locale) };
    return { slug, translations, missing: this.deps.locales.filter((locale) => !translations[locale]) };
  }

  /** A new article (first language) as a draft; 409 when the slug is taken. */
  async create(slug: string, locale: Locale, content: EditableContent, editor: Editor): Promise<Article> {
    const existing = await this.deps.articles.list({ slug });
    if (existing.length > 0) throw new ConflictError(`An article with the id "${slug}" already exists (${existing.map((article) => article.locale).join(', ')}).`);
    return this.deps.articles.save(slug, locale, { ...content, status: 'draft' }, { source: 'editor', editedBy: editor._id, action: 'created' });
  }

  /**
   * Saves an edit. A published article keeps answering with its published text and gets a
   * draft; a draft or archived article is changed in place (a new revision). A missing
   * translation of an existing article is created as a draft. With `base` (the version the
   * editor loaded), a translation that has moved on since is left alone: 409 naming who
   * changed it, when, where it is now, and their text against this one.
   */
  async save(slug: string, locale: Locale, content: EditableContent, editor: Editor, base?: EditBase): Promise<TranslationView> {
    const article = await this.deps.articles.find(slug, locale);
    if (!article) {
      if ((await this.deps.articles.list({ slug })).length === 0) throw new NotFoundError(`The article "${slug}"`);
      const created = await this.deps.articles.save(slug, locale, { ...content, status: 'draft' }, { source: 'editor', editedBy: editor._id, action: 'created' }).catch(async (error: unknown) => {
        // Another editor created this translation a moment earlier.
        if (error instanceof DuplicateKeyError && base) throw await this.conflict(slug, locale, base, content);
        throw error;
      });
      return { article: created, draft: null };
    }
    const draft = article.status === 'published' ? await this.deps.drafts.find(slug, locale) : null;
    if (base && !isAtBase(article, draft, base)) throw await this.conflict(slug, locale, base, content);
    if (article.status === 'published') {
      const expected = base ? { revision: draft?.revision ?? null } : undefined;
      const saved = await this.deps.drafts.put(slug, locale, { ...content, status: 'published' }, { baseRevision: article.revision, editedBy: editor._id, ...(expected ? { expected } : {}) });
      if (!saved) throw await this.conflict(slug, locale, base!, content);
      return { article, draft: saved };
    }
    const saved = await this.deps.articles.save(slug, locale, { ...content, status: article.status }, { source: 'editor', editedBy: editor._id, action: 'edited', baseRevision: article.revision });
    return { article: saved, draft: null };
  }

  /**
   * Publishes the pending draft (or the draft article) and refreshes the answer index. With
   * `base`, only the version the editor saw is published (409 as for `save` otherwise).
   */
  async publish(slug: string, locale: Locale, editor: Editor, base?: EditBase): Promise<Article> {
    const article = await this.existing(slug, locale);
    const draft = await this.deps.drafts.find(slug, locale);
    if (base && !isAtBase(article, draft, base)) {
      // What the editor looked at: the revision they loaded when it had no draft (drafts keep no history).
      const seen = (base.draftRevision ?? null) === null ? await this.deps.articles.revision(article._id, base.revision) : null;
      throw await this.conflict(slug, locale, base, contentOf(seen ?? draft ?? article));
    }
    if (!draft && article.status === 'published') throw new ConflictError(`Article ${slug}/${locale} has no unpublished changes.`);
    if (draft && draft.baseRevision !== article.revision) {
      throw new ConflictError(`Article ${slug}/${locale} changed (now revision ${article.revision}) after this draft was started from revision ${draft.baseRevision}; compare, save the draft again, then publish.`);
    }
    const content = contentOf(draft ?? article);
    const saved = await this.deps.articles.save(slug, locale, { ...content, status: 'published' }, { source: 'editor', editedBy: editor._id, action: 'published', baseRevision: article.revision });
    if (draft) await this.deps.drafts.discard(slug, locale);
    await this.deps.index.refresh();
    return saved;
  }

  /** Takes an article out of the answers (status archived) and refreshes the index. */
  async archive(slug: string, locale: Locale, editor: Editor): Promise<Article> {
    const article = await this.existing(slug, locale);
    if (article.status === 'archived') throw new ConflictError(`Article ${slug}/${locale} is already archived.`);
    const saved = await this.deps.articles.save(slug, locale, { ...contentOf(article), status: 'archived' }, { source: 'editor', editedBy: editor._id, action: 'archived', baseRevision: article.revision });
    await this.deps.drafts.discard(slug, locale);
    await this.deps.index.refresh();
    return saved;
  }

  /** Drops the pending draft of a published article. */
  async discardDraft(slug: string, locale: Locale): Promise<void> {
    if (!(await this.deps.drafts.discard(slug, locale))) throw new NotFoundError(`A draft of ${slug}/${locale}`);
  }

  /** The article's revisions, newest first, with who saved each. */
  async history(slug: string, locale: Locale): Promise<RevisionView[]> {
    const article = await this.existing(slug, locale);
    return this.named(await this.deps.articles.history(article._id));
  }

  /** One revision and its diff against `against` (default: the revision before it). */
  async revision(slug: string, locale: Locale, number: number, against?: number): Promise<{ revision: RevisionView; against: number | null; diff: ArticleDiff }> {
    const article = await this.existing(slug, locale);
    const revision = await this.deps.articles.revision(article._id, number);
    if (!revision) throw new NotFoundError(`Revision ${number} of ${slug}/${locale}`);
    const baseNumber = against ?? number - 1;
    const base = baseNumber > 0 ? await this.deps.articles.revision(article._id, baseNumber) : null;
    if (against !== undefined && !base) throw new NotFoundError(`Revision ${against} of ${slug}/${locale}`);
    const [named] = await this.named([revision]);
    return { revision: named!, against: base ? base.revision : null, diff: diffArticles(base, revision) };
  }

  /**
   * Makes an old revision's content (and status) current again as a new revision, drops a
   * pending draft, and refreshes the index: restoring a published revision answers
   * customers with it at once.
   */
  async restore(slug: string, locale: Locale, number: number, editor: Editor): Promise<Article> {
    const article = await this.existing(slug, locale);
    const revision = await this.deps.articles.revision(article._id, number);
    if (!revision) throw new NotFoundError(`Revision ${number} of ${slug}/${locale}`);
    const saved = await this.deps.articles.save(slug, locale, contentOf(revision), { source: 'editor', editedBy: editor._id, action: 'restored', restoredFrom: number, baseRevision: article.revision });
    await this.deps.drafts.discard(slug, locale);
    if (article.status === 'published' || saved.status === 'published') await this.deps.index.refresh();
    return saved;
  }

  /** The 409 for an edit from `base` of a translation that has moved on, read as it is now. */
  private async conflict(slug: string, locale: Locale, base: EditBase, yours: EditableContent): Promise<EditConflictError> {
    const article = await this.existing(slug, locale);
    const draft = await this.deps.drafts.find(slug, locale);
    const latest = await this.deps.articles.revision(article._id, article.revision);
    const byId = base.revision === article.revision ? draft?.editedBy : latest?.editedBy;
    const editorName = byId ? (await this.deps.users.get(byId))?.displayName : undefined;
    return editConflict({ article, draft, base, latest, yours, ...(editorName ? { editorName } : {}) });
  }

  private async existing(slug: string, locale: Locale): Promise<Article> {
    const article = await this.deps.articles.find(slug, locale);
    if (!article) throw new NotFoundError(`The article ${slug}/${locale}`);
    return article;
  }

  private async named(revisions: ArticleRevision[]): Promise<RevisionView[]> {
    const names = new Map<string, string | undefined>();
    for (const id of new Set(revisions.map((revision) => revision.editedBy).filter((id): id is string => Boolean(id)))) names.set(id, (await this.deps.users.get(id))?.displayName);
    return revisions.map((revision) => {
      const name = revision.editedBy ? names.get(revision.editedBy) : undefined;
      return name ? { ...revision, editedByName: name } : revision;
    });
  }
}

function fold(text: string): string {
  return foldDiacritics(text.normalize('NFKC').toLowerCase());
}
