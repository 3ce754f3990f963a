import type { Locale } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import type { Article, ArticleRevision } from '../knowledge/article.js';
import type { ArticleContent } from '../knowledge/article-repository.js';
import type { ArticleDraft } from './article-drafts.js';
import { diffArticles, type ArticleDiff } from './revision-diff.js';

/**
 * The version of a translation an editor started from: the article's `revision` (0 for a
 * translation that did not exist yet) and its pending draft's revision (`null` or absent:
 * there was none).
 */
export interface EditBase {
  revision: number;
  draftRevision?: number | null;
}

/** What the editor's 409 tells: who moved the translation on, when, where it is now, and their text against yours. */
export interface EditConflict {
  slug: string;
  locale: Locale;
  /** Where the translation is now: send these as the base to overwrite deliberately. */
  current: { revision: number; draftRevision: number | null };
  /** What the other save did: saved a draft, or the revision's action (published, restored, imported…). */
  action: 'draft' | 'discarded' | NonNullable<ArticleRevision['action']> | 'saved';
  savedBy: { id: string; name?: string } | null;
  savedAt: Date | null;
  /** The text the editor would now load (the draft if there is one, else the article). */
  theirs: ArticleContent;
  /** From theirs (`del`) to yours (`add`), changed fields only. */
  diff: ArticleDiff;
}

/** A save or publish started from a version of the translation that is no longer current; nothing was written. */
export class EditConflictError extends AppError {
  declare readonly details: EditConflict;

  constructor(message: string, conflict: EditConflict) {
    super(409, 'edit_conflict', message, conflict);
  }
}

/** Whether the translation is still at the version the editor started from. */
export function isAtBase(article: Article, draft: ArticleDraft | null, base: EditBase): boolean {
  return base.revision === article.revision && (base.draftRevision ?? null) === (draft?.revision ?? null);
}

const doneBy: Record<EditConflict['action'], string> = {
  draft: 'saved a newer draft of',
  discarded: 'discarded the draft of',
  created: 'created',
  edited: 'saved',
  published: 'published',
  archived: 'archived',
  restored: 'restored an older revision of',
  imported: 'imported from the knowledge-base files',
  saved: 'saved',
};

const at = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The conflict of a save from `base` with the translation as it is now (`article`, its
 * `draft`, and `latest`: the article's current revision record), and the user who made
 * the newer change, if known. Example message: "Lan saved a newer draft of
 * warranty-period (vi) at 2026-12-03 10:02 UTC; it is now at revision 3, draft 2. Your
 * changes were not saved: compare them, then load theirs or overwrite deliberately."
 */
export function editConflict(input: { article: Article; draft: ArticleDraft | null; base: EditBase; latest: ArticleRevision | null; yours: Omit<ArticleContent, 'status'>; editorName?: string }): EditConflictError {
  const { article, draft, base, latest, yours } = input;
  const draftMoved = base.revision === article.revision;
  const action: EditConflict['action'] = draftMoved ? (draft ? 'draft' : 'discarded') : (latest?.action ?? 'saved');
  const byId = draftMoved ? draft?.editedBy : latest?.editedBy;
  const savedAt = draftMoved ? (draft?.updatedAt ?? null) : (latest?.editedAt ?? article.updatedAt);
  const savedBy = byId ? { id: byId, ...(input.editorName ? { name: input.editorName } : {}) } : null;
  const theirs = contentOf(draft ?? article);
  const who = savedBy ? (savedBy.name ?? savedBy.id) : action === 'imported' ? 'A knowledge-base import' : 'Someone';
  const where = `revision ${article.revision}${draft ? `, draft ${draft.revision}` : ''}`;
  const message = `${who} ${doneBy[action]} ${article.slug} (${article.locale})${savedAt ? ` at ${at(savedAt)}` : ''}; it is now at ${where}. Your changes were not saved: compare them, then load theirs or overwrite deliberately.`;
  return new EditConflictError(message, {
    slug: article.slug,
    locale: article.locale,
    current: { revision: article.revision, draftRevision: draft?.revision ?? null },
    action,
    savedBy,
    savedAt,
    theirs,
    diff: diffArticles(theirs, { ...yours, status: theirs.status }),
  });
}

/** The content fields of an article, draft or revision. */
export function contentOf(source: ArticleContent): ArticleContent {
  return { title: source.title, questions: source.questions, answer: source.answer, category: source.category, tags: source.tags, status: source.status };
}
