import { detectAll } from 'tinyld';
import type { Locale } from '../../config/config-schema.js';

/** The language chosen for a message and what decided it, for "try it" and logs. */
export interface DetectedLanguage {
  locale: Locale;
  reason: 'script' | 'detector' | 'vocabulary' | 'hint' | 'conversation' | 'default';
}

export interface DetectLanguageOptions {
  supported: readonly Locale[];
  defaultLocale: Locale;
  /** The platform's language hint (Telegram language_code, browser language). */
  hint?: string;
  /** The language the conversation used so far. */
  conversationLocale?: Locale;
  /** Which language's knowledge-base vocabulary the text matches best, if any clearly. */
  vocabularyLocale?: (text: string) => Locale | null;
  /** The share of the text's words (0–1) the knowledge base or intents use in a language. */
  vocabularyCoverage?: (text: string, locale: Locale) => number;
}

const han = /\p{Script=Han}/u;
// Letters only Vietnamese and only Czech use (lower-case; the text is lower-cased first).
const vietnameseLetters = /[ạảãầấậẩẫằắặẳẵơưđẹẻẽềếệểễịỉĩọỏồốộổỗờớợởỡụủũừứựửữỳỵỷỹ]/u;
const czechLetters = /[ěščřžůň]/u;

function asSupported(tag: string | undefined, supported: readonly Locale[]): Locale | null {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return supported.find((locale) => locale === base) ?? null;
}

/**
 * Picks the language of one customer message: Chinese script and letters only Vietnamese
 * or Czech use; then two or more words of the knowledge base's own vocabulary when they
 * clearly point to one language; short messages ("ok", "chao shop") keep the conversation's
 * language; then the tinyld detector when it is sure; then the vocabulary of one word, the
 * conversation's language, the hint, the default.
 */
export function detectLanguage(text: string, options: DetectLanguageOptions): DetectedLanguage {
  const { supported } = options;
  if (han.test(text) && supported.includes('zh')) return { locale: 'zh', reason: 'script' };
  const lower = text.toLowerCase();
  if (vietnameseLetters.test(lower) && supported.includes('vi')) return { locale: 'vi', reason: 'script' };
  if (czechLetters.test(lower) && supported.includes('cs')) return { locale: 'cs', reason: 'script' };
  const words = text.match(/\p{L}+/gu) ?? [];
  // Two or more words in Latin letters are not Chinese, whatever the conversation was in ("giao hang" after "运费多少？").
  const conversationLocale = options.conversationLocale === 'zh' && words.length >= 2 ? undefined : options.conversationLocale;
  // The knowledge base's own words beat the general-purpose detector, which often takes
  // accent-free Vietnamese for English; two or more of them switch even a short message
  // ("giao hang" after a Chinese question, "kolik stoji doprava" after an English one).
  const byVocabulary = words.length > 0 ? options.vocabularyLocale?.(text) : null;
  // The switch needs the conversation's own language not to read the words as well ("chao shop a"
  // stays Vietnamese although "shop" and "a" are English knowledge-base words too).
  const conversationReadsIt = conversationLocale !== undefined && (options.vocabularyCoverage?.(text, conversationLocale) ?? 0) >= 0.5;
  if (words.length >= 2 && byVocabulary && supported.includes(byVocabulary) && (byVocabulary === conversationLocale || !conversationReadsIt)) return { locale: byVocabulary, reason: 'vocabulary' };
  // Otherwise a few words are too little to switch languages when the conversation already has one.
  const keepsConversation = words.length <= 3 && conversationLocale !== undefined && supported.includes(conversationLocale);
  if (keepsConversation) return { locale: conversationLocale, reason: 'conversation' };
  if (words.length >= 2) {
    const [top] = detectAll(text).filter((guess) => asSupported(guess.lang, supported));
    if (top && top.accuracy >= 0.5) return { locale: asSupported(top.lang, supported)!, reason: 'detector' };
  }
  if (byVocabulary && supported.includes(byVocabulary)) return { locale: byVocabulary, reason: 'vocabulary' };
  if (conversationLocale && supported.includes(conversationLocale)) return { locale: conversationLocale, reason: 'conversation' };
  const hinted = asSupported(options.hint, supported);
  if (hinted) return { locale: hinted, reason: 'hint' };
  return { locale: options.defaultLocale, reason: 'default' };
}
