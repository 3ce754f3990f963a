import type { Locale } from '../../core/locale.js';
import { SynonymTable } from './synonym-table.js';
import type { SynonymList } from './synonyms.js';

/**
 * Editors' synonyms compiled per language: a language's groups rewrite that language's
 * texts only — an article by its locale when it is indexed, a question by the language it
 * is read in when it is asked. English "order" stays "order" (Vietnamese customers' "order"
 * is "đặt hàng"), Vietnamese "shop ơi" stays the seller (English "shop" is a store).
 *
 * Example: `new LanguageSynonyms([{ locale: 'en', groups: [['refund', 'money back']] }]).of('en')`
 * is the English table; `.of('vi')` is null.
 */
export class LanguageSynonyms {
  private readonly tables = new Map<Locale, SynonymTable>();

  constructor(lists: readonly SynonymList[]) {
    const locales = new Set(lists.map((list) => list.locale));
    for (const locale of locales) {
      const table = new SynonymTable(lists.filter((list) => list.locale === locale));
      if (!table.empty) this.tables.set(locale, table);
    }
  }

  /** Whether no language has anything to rewrite. */
  get empty(): boolean {
    return this.tables.size === 0;
  }

  /** The table of a language's texts, or null when it has no synonyms. */
  of(locale: Locale): SynonymTable | null {
    return this.tables.get(locale) ?? null;
  }
}
