import { z } from 'zod';
import { localeSchema } from '../../config/config-schema.js';

/**
 * One language's synonyms, as editors keep them (`knowledge-base/synonyms/<locale>.yaml`
 * and the editor's Synonyms page): groups of words or short phrases that mean the same to
 * the bot; the first of a group is its canonical entry. Matching folds case and diacritics.
 *
 * Example: `{ locale: 'en', groups: [['refund', 'money back', 'reimburse']] }`.
 */
export const synonymListSchema = z.strictObject({
  locale: localeSchema,
  groups: z.array(z.array(z.string().trim().min(1).max(60)).min(2).max(30)).max(5000),
});
export type SynonymList = z.infer<typeof synonymListSchema>;

/** Where the knowledge base reads the published synonyms from on every reload. */
export interface SynonymSource {
  published(): Promise<SynonymList[]>;
}
