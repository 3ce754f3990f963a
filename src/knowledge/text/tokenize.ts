import type { Locale } from '../../core/locale.js';
import type { SynonymTable } from '../synonyms/synonym-table.js';
import { chatAbbreviations } from './chat-abbreviations.js';
import { foldChar } from './fold-diacritics.js';
import { rewriteChineseSlang } from './chat-slang.js';
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

function chineseTerms(run: string, joins: Set<string> | null): string[] {
  const words: string[] = [];
  for (const part of chineseWords.segment(run)) if (part.isWordLike) words.push(part.segment);
  // ICU's dictionary misses shop jargon; character bigrams catch what it splits wrongly, and
  // single characters what a customer words differently (登不上 against 登录: 登), weighed by
  // their idf like any term (unigrams with bigrams: the usual strong baseline for Chinese retrieval).
  const bigrams = characterBigrams(run);
  if (joins) {
    const segmented = new Set(words);
    for (const bigram of bigrams) if (bigram.length > 1 && !segmented.has(bigram)) joins.add(bigram);
  }
  return [...new Set([...words, ...bigrams, ...[...run].filter((char) => kindOf(char.codePointAt(0)!) === hanChar)])];
}

function characterBigrams(run: string): string[] {
  const chars = [...run];
  return chars.length > 1 ? chars.slice(1).map((char, i) => chars[i] + char) : chars;
}

// What a character is, asked of the regular expressions once per character and remembered.
const separator = 1;
const wordChar = 2;
const hanChar = 3;
const wordPattern = /^[\p{L}\p{M}\p{N}]$/u;
const hanPattern = /^\p{Script=Han}$/u;
const bmpKinds = new Uint8Array(0x10000);
const astralKinds = new Map<number, number>();

function kindOf(code: number): number {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? wordChar : separator;
  let kind = code < 0x10000 ? bmpKinds[code]! : (astralKinds.get(code) ?? 0);
  if (kind === 0) {
    const char = String.fromCodePoint(code);
    kind = !wordPattern.test(char) ? separator : hanPattern.test(char) ? hanChar : wordChar;
    if (code < 0x10000) bmpKinds[code] = kind;
    else astralKinds.set(code, kind);
  }
  return kind;
}

/**
 * Turns text in any supported language into index terms: Unicode-normalized, lower-case,
 * diacritics folded, chat abbreviations of the text's language expanded (Vietnamese, English,
 * Czech; Chinese chat spellings always), Chinese segmented into words,
 * character bigrams and single characters, and for Latin-script text adjacent-word pairs (`bao_hanh`), which
 * carry Vietnamese's two-syllable words.
 *
 * `compact` leaves out word pairs and dictionary segmentation (for long answer texts).
 *
 * One pass over the characters (letters, marks and digits make words; a word with a Han
 * character is Chinese), each character classified and folded once per process: this runs
 * for every title, variant and answer when the index is built.
 *
 * Example: `tokenize('sp bh bao lâu?', { locale: 'vi' })` → `['san', 'pham', 'bao', 'hanh', 'bao', 'lau', 'san_pham', …]`.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const parts = tokenParts(text, options);
  const { words, others } = parts;
  if (options.compact) return words.length === 0 ? others : others.length === 0 ? words : [...words, ...others];
  return termsOf(parts);
}

/**
 * How `tokenize` treats a text: `compact` for long answers; `locale`, the text's language,
 * picks the chat abbreviations expanded (`chatAbbreviations`; every language's without it);
 * `synonyms` rewrites editors' synonyms to their canonical entries (the table of the text's
 * language: a language's synonyms apply to its own texts only).
 */
export interface TokenizeOptions {
  compact?: boolean;
  locale?: Locale;
  synonyms?: SynonymTable | null;
}

/** A text's terms in parts: its Latin-script words in order, and its other (Chinese) terms. */
export interface TokenParts {
  words: string[];
  others: string[];
  /**
   * The Chinese character bigrams among `others` that span two of the segmenter's words
   * (子小 of 裤子|小|了): they find what the segmenter split wrongly, but a customer did not
   * say them as words, so one that nothing uses tells nothing (absent for texts without Chinese).
   */
  joins?: ReadonlySet<string>;
}

/** `tokenize`'s terms from a text's parts: the words, their adjacent pairs, the other terms. */
export function termsOf({ words, others }: TokenParts): string[] {
  const all = words.slice();
  for (let i = 1; i < words.length; i++) all.push(`${words[i - 1]}_${words[i]}`);
  for (const term of others) all.push(term);
  return all;
}

/**
 * `tokenize` in parts: the Latin-script words in order (their adjacent pairs are left for
 * the caller to form) and the other terms (Chinese words, bigrams and characters).
 */
export function tokenParts(text: string, options: TokenizeOptions = {}): TokenParts {
  const synonyms = options.synonyms;
  const abbreviations = chatAbbreviations(options.locale);
  const lowered = text.normalize('NFKC').toLowerCase();
  const unslanged = rewriteChineseSlang(lowered);
  const lower = synonyms ? synonyms.rewriteHan(unslanged) : unslanged;
  const terms: string[] = [];
  const words: string[] = [];
  // Made for texts with Chinese only (most texts have none).
  let joins = null as Set<string> | null;
  let start = -1;
  let ascii = true;
  let han = false;
  let folded = '';
  // The run with only "đ" folded: abbreviations are looked up on it, so "hỏng" (broken) is not read as "hong" (không).
  let dFolded = '';
  const finish = (end: number) => {
    const run = lower.slice(start, end);
    if (han) terms.push(...(options.compact ? characterBigrams(run) : chineseTerms(run, (joins ??= new Set()))));
    else {
      const expanded = abbreviations.get(ascii ? run : dFolded) ?? (ascii ? run : folded);
      if (expanded.includes(' ')) words.push(...expanded.split(' '));
      else if (expanded !== '') words.push(expanded);
    }
    start = -1;
  };
  for (let i = 0; i < lower.length; ) {
    const code = lower.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = kindOf(code);
    if (kind === separator) {
      if (start >= 0) finish(i);
    } else {
      if (start < 0) {
        start = i;
        ascii = true;
        han = false;
        folded = '';
        dFolded = '';
      }
      if (kind === hanChar) han = true;
      if (code < 0x80) {
        if (!ascii) {
          folded += lower[i];
          dFolded += lower[i];
        }
      } else {
        if (ascii) {
          folded = lower.slice(start, i);
          dFolded = folded;
          ascii = false;
        }
        const char = lower.slice(i, i + width);
        folded += foldChar(char);
        dFolded += code === 0x111 ? 'd' : char;
      }
    }
    i += width;
  }
  if (start >= 0) finish(lower.length);
  return { words: synonyms ? synonyms.rewriteWords(words) : words, others: terms, ...(joins && joins.size > 0 ? { joins } : {}) };
}
