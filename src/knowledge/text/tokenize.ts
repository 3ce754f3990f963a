import { foldDiacritics } from './fold-diacritics.js';
import { vietnameseAbbreviations } from './vietnamese-abbreviations.js';

const han = /\p{Script=Han}/u;
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

function chineseTerms(run: string): string[] {
  const words = [...chineseWords.segment(run)].filter((part) => part.isWordLike).map((part) => part.segment);
  // ICU's dictionary misses shop jargon; character bigrams catch what it splits wrongly.
  return [...new Set([...words, ...characterBigrams(run)])];
}

function characterBigrams(run: string): string[] {
  const chars = [...run];
  return chars.length > 1 ? chars.slice(1).map((char, i) => chars[i] + char) : chars;
}

/**
 * Turns text in any supported language into index terms: Unicode-normalized, lower-case,
 * diacritics folded, Vietnamese chat abbreviations expanded, Chinese segmented into words
 * and character bigrams, and for Latin-script text adjacent-word pairs (`bao_hanh`), which
 * carry Vietnamese's two-syllable words.
 *
 * `compact` leaves out word pairs and dictionary segmentation (for long answer texts).
 *
 * Example: `tokenize('sp bh bao lâu?')` → `['san', 'pham', 'bao', 'hanh', 'bao', 'lau', 'san_pham', …]`.
 */
export function tokenize(text: string, options: { compact?: boolean } = {}): string[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const terms: string[] = [];
  const words: string[] = [];
  for (const run of lower.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    if (han.test(run)) {
      terms.push(...(options.compact ? characterBigrams(run) : chineseTerms(run)));
      continue;
    }
    // Abbreviations are looked up before folding, so "hỏng" (broken) is not read as "hong" (không).
    const isAscii = /^[a-z0-9]+$/.test(run);
    const expanded = vietnameseAbbreviations[isAscii ? run : run.replace(/đ/g, 'd')] ?? (isAscii ? run : foldDiacritics(run));
    words.push(...expanded.split(' '));
  }
  const pairs = options.compact ? [] : words.slice(1).map((word, i) => `${words[i]}_${word}`);
  return [...words, ...pairs, ...terms];
}
