import { stemmer } from 'stemmer';
import { czechStem } from './czech-stem.js';

/** The languages whose words are conflated by a stemmer: the others are matched as written. */
export type StemmedLanguage = 'en' | 'cs';

// Shorter words are mostly Vietnamese syllables or function words a stemmer only confuses.
const minLength = 4;

/**
 * A folded word's stem in a language with inflection: English by Porter's algorithm (the
 * `stemmer` package, M. F. Porter, "An algorithm for suffix stripping", 1980), Czech by the
 * Dolamic & Savoy light stemmer (`czechStem`). Words shorter than four letters and word
 * pairs stay as they are. Example: `wordStem('refunds', 'en')` → `refund`.
 */
export function wordStem(word: string, language: StemmedLanguage): string {
  if (word.length < minLength || word.includes('_')) return word;
  return language === 'en' ? stemmer(word) : czechStem(word);
}
