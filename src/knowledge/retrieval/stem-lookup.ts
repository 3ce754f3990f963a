import type { Locale } from '../../core/locale.js';
import { wordStem, type StemmedLanguage } from '../text/word-stems.js';

const languages: readonly StemmedLanguage[] = ['en', 'cs'];

/**
 * Finds the index words that share a query word's stem in a language that inflects
 * (`záruku` finds `záruka`, `refunded` finds `refund`), among the words of that language's
 * articles only, so an English stem never conflates Czech or Vietnamese words. Built once
 * per index; a lookup stems the query word once per language.
 */
export class StemLookup {
  private readonly byStem = new Map<StemmedLanguage, Map<string, string[]>>();

  /** `languagesOf(word)` says which of the stemmed languages' articles use the word. */
  constructor(words: Iterable<string>, languagesOf: (word: string) => readonly StemmedLanguage[]) {
    for (const language of languages) this.byStem.set(language, new Map());
    for (const word of words) {
      for (const language of languagesOf(word)) {
        const stem = wordStem(word, language);
        const stems = this.byStem.get(language)!;
        const bucket = stems.get(stem);
        if (bucket) bucket.push(word);
        else stems.set(stem, [word]);
      }
    }
  }

  /**
   * Index words of `language`'s articles with the same stem as `term`, read in that
   * language, not `term` itself; none for a language without a stemmer (Vietnamese, Chinese).
   */
  sameStem(term: string, language: Locale): string[] {
    const stems = this.byStem.get(language as StemmedLanguage);
    if (!stems) return [];
    return (stems.get(wordStem(term, language as StemmedLanguage)) ?? []).filter((word) => word !== term);
  }
}
