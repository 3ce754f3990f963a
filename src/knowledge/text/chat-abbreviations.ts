import type { Locale } from '../../core/locale.js';
import { czechChatSlang, englishChatSlang } from './chat-slang.js';
import { vietnameseAbbreviations } from './vietnamese-abbreviations.js';

// Maps, not the objects: a word like "constructor" must not find Object.prototype's members.
const byLocale: Readonly<Record<Locale, ReadonlyMap<string, string>>> = {
  vi: new Map(Object.entries(vietnameseAbbreviations)),
  en: new Map(Object.entries(englishChatSlang)),
  cs: new Map(Object.entries(czechChatSlang)),
  // Chinese chat spellings are Han characters, rewritten before segmentation (`rewriteChineseSlang`).
  zh: new Map(),
};
// Text of no known language: every table, Vietnamese winning where two disagree ("thx").
const everyLanguage: ReadonlyMap<string, string> = new Map([...byLocale.en, ...byLocale.cs, ...byLocale.vi]);

/**
 * The chat abbreviations of a language's text, folded spelling → the words it stands for:
 * Vietnamese teencode for Vietnamese ("k" → "khong", "v" → "vay", "order" → "dat hang"),
 * English chat forms for English ("u" → "you"), Czech ones for Czech. A Czech "v" (in) or
 * "u" (at), or an English "order", is a word of its own language, not Vietnamese teencode.
 * Without a language (the complaint and person-request cues, which read every language at
 * once), every table.
 *
 * Example: `chatAbbreviations('vi').get('dc')` → `'duoc'`; `chatAbbreviations('cs').get('v')` → undefined.
 */
export function chatAbbreviations(locale?: Locale): ReadonlyMap<string, string> {
  return locale ? byLocale[locale] : everyLanguage;
}
