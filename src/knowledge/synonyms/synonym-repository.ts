import { z } from 'zod';
import type { Locale } from '../../config/config-schema.js';
import { ConflictError } from '../../core/app-error.js';
import type { DocumentStore } from '../../storage/document-store.js';
import { newId } from '../../storage/new-id.js';
import { checkSynonymList, SynonymError } from './check-synonyms.js';
import { synonymListSchema, type SynonymList, type SynonymSource } from './synonyms.js';

const sourceSchema = z.enum(['file', 'editor']);

/** One language's synonyms in the store (`synonyms`), the current version. */
export const storedSynonymsSchema = synonymListSchema.extend({
  _id: z.string(),
  revision: z.number().int().positive(),
  /** Where the current version came from: `file` (seeded or `kb import`) or `editor`. */
  source: sourceSchema,
  updatedAt: z.date(),
  updatedBy: z.string().optional(),
});
export type StoredSynonyms = z.infer<typeof storedSynonymsSchema>;

/** Every saved version of a language's synonyms (`synonym_revisions`), for the history. */
export const synonymRevisionSchema = synonymListSchema.extend({
  _id: z.string(),
  revision: z.number().int().positive(),
  source: sourceSchema,
  editedAt: z.date(),
  editedBy: z.string().optional(),
});
export type SynonymRevision = z.infer<typeof synonymRevisionSchema>;

/** Who saved, and the revision they read (another current revision is a conflict, 409; 0 = none yet). */
export interface SynonymSaveMeta {
  source: StoredSynonyms['source'];
  editedBy?: string;
  baseRevision?: number;
}

/**
 * The synonyms editors manage, one document per language, each save kept as a revision.
 * A list with a short group, an empty member or a member in two groups is refused with
 * `SynonymError` (400, naming the field). Also the knowledge base's `SynonymSource`.
 */
export class SynonymRepository implements SynonymSource {
  private readonly lists;
  private readonly revisions;

  constructor(store: DocumentStore) {
    this.lists = store.collection<StoredSynonyms>('synonyms');
    this.revisions = store.collection<SynonymRevision>('synonym_revisions');
  }

  /** Replaces the synonyms of `list.locale`, bumping the revision and keeping the new version in the history. */
  async save(list: SynonymList, meta: SynonymSaveMeta): Promise<StoredSynonyms> {
    const checked = checkSynonymList(list);
    if (!checked.list) throw new SynonymError(list.locale, checked.issues);
    const { locale, groups } = checked.list;
    const existing = await this.lists.findOne({ locale });
    const current = existing?.revision ?? 0;
    if (meta.baseRevision !== undefined && meta.baseRevision !== current) {
      throw new ConflictError(`The ${locale} synonyms are at revision ${current}, not ${meta.baseRevision}: someone else saved them meanwhile; reload and try again.`);
    }
    const now = new Date();
    const saved = storedSynonymsSchema.parse({
      _id: existing?._id ?? newId('syn'),
      locale,
      groups,
      revision: current + 1,
      source: meta.source,
      updatedAt: now,
      ...(meta.editedBy ? { updatedBy: meta.editedBy } : {}),
    });
    if (existing) {
      // Only the writer that read the current revision may replace it.
      const replaced = await this.lists.replaceOne({ _id: existing._id, revision: existing.revision }, saved);
      if (replaced.matchedCount === 0) throw new ConflictError(`The ${locale} synonyms changed while saving; try again.`);
    } else {
      await this.lists.insertOne(saved);
    }
    await this.revisions.insertOne(
      synonymRevisionSchema.parse({ _id: newId('synrev'), locale, groups, revision: saved.revision, source: meta.source, editedAt: now, ...(meta.editedBy ? { editedBy: meta.editedBy } : {}) }),
    );
    return saved;
  }

  find(locale: Locale): Promise<StoredSynonyms | null> {
    return this.lists.findOne({ locale });
  }

  /** Every language's current synonyms, by locale. */
  list(): Promise<StoredSynonyms[]> {
    return this.lists.find({}, { sort: { locale: 1 } });
  }

  /** What the answer index uses: every language's current groups. */
  async published(): Promise<SynonymList[]> {
    return (await this.list()).map(({ locale, groups }) => ({ locale, groups }));
  }

  /** A language's saved versions, newest first. */
  history(locale: Locale): Promise<SynonymRevision[]> {
    return this.revisions.find({ locale }, { sort: { revision: -1 } });
  }
}
