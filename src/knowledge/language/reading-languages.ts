import type { Locale } from '../../config/config-schema.js';
import type { DetectedLanguage } from './detect-language.js';

// What the text itself showed: its script or letters, the knowledge base's words, a sure detector.
const fromTheText = new Set<DetectedLanguage['reason']>(['script', 'vocabulary', 'detector']);

/**
 * The languages to read a message in (its chat abbreviations and synonyms, `AnswerIndex.query`):
 * the detected one when the text showed it; when only the conversation, the platform's hint
 * or the default chose it ("ok", "chao shop", one word the knowledge base does not know),
 * the detected one first and then every other supported language, the most confident
 * reading winning. Accent-free Vietnamese a detector hesitates over is still read as
 * Vietnamese ("ko nhan dc hang"), and a Czech sentence is not read as Vietnamese teencode.
 *
 * Example: `readingLanguages({ locale: 'cs', reason: 'script' }, ['vi', 'en', 'cs', 'zh'])` → `['cs']`.
 */
export function readingLanguages(language: DetectedLanguage, supported: readonly Locale[]): Locale[] {
  if (fromTheText.has(language.reason)) return [language.locale];
  return [language.locale, ...supported.filter((locale) => locale !== language.locale)];
}
