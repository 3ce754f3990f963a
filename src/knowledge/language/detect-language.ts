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
}

const han = /\p{Script=Han}/u;

function asSupported(tag: string | undefined, supported: readonly Locale[]): Locale | null {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return supported.find((locale) => locale === base) ?? null;
}

/**
 * Picks the language of one customer message: Chinese script; then the tinyld detector when
 * it is sure (it knows accent-free Vietnamese and Czech); then the knowledge base's own
 * vocabulary; then the conversation's language, the platform hint, the default.
 * Short messages ("ok", "hi") keep the conversation's language.
 */
export function detectLanguage(text: string, options: DetectLanguageOptions): DetectedLanguage {
  const { supported } = options;
  if (han.test(text) && supported.includes('zh')) return { locale: 'zh', reason: 'script' };
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length >= 2) {
    const [top] = detectAll(text).filter((guess) => asSupported(guess.lang, supported));
    if (top && top.accuracy >= 0.5) return { locale: asSupported(top.lang, supported)!, reason: 'detector' };
  }
  const byVocabulary = words.length > 0 ? options.vocabularyLocale?.(text) : null;
  if (byVocabulary && supported.includes(byVocabulary)) return { locale: byVocabulary, reason: 'vocabulary' };
  if (options.conversationLocale && supported.includes(options.conversationLocale)) return { locale: options.conversationLocale, reason: 'conversation' };
  const hinted = asSupported(options.hint, supported);
  if (hinted) return { locale: hinted, reason: 'hint' };
  return { locale: options.defaultLocale, reason: 'default' };
}
