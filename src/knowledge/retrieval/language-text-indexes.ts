import type { Locale } from '../../config/config-schema.js';
import { ArticleTextIndex } from './article-text-index.js';

/**
 * One whole-text BM25 index (`ArticleTextIndex`) per language: a class's document in each is
 * the titles, variants and answers of its translation into that language only. A question is
 * scored in the languages it is read in, so an English "are you a bot?" does not find the
 * Czech "boty" (shoes) of a translation the customer never reads. Read in several languages
 * (the detector was unsure), a class scores its best language.
 */
export class LanguageTextIndexes {
  private readonly indexes: Map<Locale, ArticleTextIndex>;
  private asked: ArticleTextIndex[] = [];

  /** `eachTerm(locale, cls, visit)` visits the term ids of each of the class's texts in `locale`; `wordOf` as for `ArticleTextIndex`. */
  constructor(locales: Iterable<Locale>, classCount: number, termCount: number, eachTerm: (locale: Locale, cls: number, visit: (term: number) => void) => void, wordOf: (term: number) => string | null) {
    this.indexes = new Map([...new Set(locales)].map((locale) => [locale, new ArticleTextIndex(classCount, termCount, (cls, visit) => eachTerm(locale, cls, visit), wordOf)]));
  }

  /**
   * Scores the question's words in each of `languages` (every language for null), for
   * `share` and `clearlyFound` until `reset`. Returns the share of the question's words that
   * no text uses in the language that knows most of them (0–1).
   */
  score(words: readonly { word: string; term: number | undefined }[], languages: ReadonlySet<Locale> | null): number {
    this.asked = [...this.indexes].filter(([locale]) => !languages || languages.has(locale)).map(([, index]) => index);
    let foreign = 1;
    for (const index of this.asked) foreign = Math.min(foreign, index.score(words));
    return this.asked.length > 0 ? foreign : 0;
  }

  /** The class's best share among the languages asked (0–1). */
  share(cls: number): number {
    let best = 0;
    for (const index of this.asked) best = Math.max(best, index.share(cls));
    return best;
  }

  /** Among the `limit` classes found most in any language asked, those scoring at least `minShare`, best first. */
  clearlyFound(minShare: number, limit: number): number[] {
    const found = new Set(this.asked.flatMap((index) => index.clearlyFound(minShare, limit)));
    return [...found].sort((a, b) => this.share(b) - this.share(a)).slice(0, limit);
  }

  /** Clears the last question's scores. */
  reset(): void {
    for (const index of this.asked) index.reset();
    this.asked = [];
  }
}
