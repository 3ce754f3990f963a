import type { UserRepository } from '../accounts/user-repository.js';
import type { Locale } from '../config/config-schema.js';
import type { SynonymRepository } from '../knowledge/synonyms/synonym-repository.js';
import type { Editor } from './article-editor.js';
import type { SynonymListView, SynonymRevisionView } from './editor-documents.js';
import type { LiveIndex } from './live-index.js';

/**
 * What editors do to synonyms: see every language's groups and who last changed them,
 * save a language's groups (published at once: the live answer index is rebuilt), and
 * look at its earlier versions.
 */
export class SynonymEditor {
  constructor(private readonly deps: { synonyms: SynonymRepository; users: UserRepository; index: LiveIndex; locales: readonly Locale[] }) {}

  /** Every supported language, in the configured order. */
  async lists(): Promise<SynonymListView[]> {
    const stored = new Map((await this.deps.synonyms.list()).map((list) => [list.locale, list]));
    const names = await this.names([...stored.values()].map((list) => list.updatedBy));
    return this.deps.locales.map((locale) => {
      const list = stored.get(locale);
      if (!list) return { locale, groups: [], revision: 0, source: null, updatedAt: null };
      const name = list.updatedBy ? names.get(list.updatedBy) : undefined;
      return { locale, groups: list.groups, revision: list.revision, source: list.source, updatedAt: list.updatedAt, ...(list.updatedBy ? { updatedBy: list.updatedBy } : {}), ...(name ? { updatedByName: name } : {}) };
    });
  }

  /** Saves and publishes a language's groups; `baseRevision` is the revision the editor read (409 when another is current). */
  async save(locale: Locale, groups: string[][], editor: Editor, baseRevision?: number): Promise<SynonymListView> {
    await this.deps.synonyms.save({ locale, groups }, { source: 'editor', editedBy: editor._id, ...(baseRevision !== undefined ? { baseRevision } : {}) });
    await this.deps.index.refresh();
    return (await this.lists()).find((list) => list.locale === locale)!;
  }

  /** A language's saved versions, newest first, with who saved each. */
  async history(locale: Locale): Promise<SynonymRevisionView[]> {
    const revisions = await this.deps.synonyms.history(locale);
    const names = await this.names(revisions.map((revision) => revision.editedBy));
    return revisions.map((revision) => {
      const name = revision.editedBy ? names.get(revision.editedBy) : undefined;
      return name ? { ...revision, editedByName: name } : revision;
    });
  }

  private async names(ids: (string | undefined)[]): Promise<Map<string, string | undefined>> {
    const names = new Map<string, string | undefined>();
    for (const id of new Set(ids.filter((id): id is string => Boolean(id)))) names.set(id, (await this.deps.users.get(id))?.displayName);
    return names;
  }
}
