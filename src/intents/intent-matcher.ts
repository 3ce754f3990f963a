import type { Locale } from '../config/config-schema.js';
import { AnswerIndex } from '../knowledge/retrieval/answer-index.js';
import type { IntentDefinition, IntentName } from './intent.js';

/** A recognised intent with the confidence of its best example. */
export interface IntentMatch {
  intent: IntentName;
  locale: Locale;
  confidence: number;
  example: string;
}

/**
 * Recognises intents by how closely a message matches their examples, with the same
 * normalization and confidence as FAQ retrieval (accents, abbreviations, typos), so the
 * engine can compare an intent's confidence with an article's.
 */
export class IntentMatcher {
  private readonly index: AnswerIndex;
  private readonly definitions: Map<IntentName, IntentDefinition>;

  constructor(
    definitions: IntentDefinition[],
    /** Fills a response's templates (the business profile: `{business.name}`, …). */
    private readonly fill: (text: string, locale: Locale) => string = (text) => text,
  ) {
    this.definitions = new Map(definitions.map((definition) => [definition.intent, definition]));
    this.index = new AnswerIndex(
      definitions.flatMap((definition) =>
        (Object.entries(definition.examples) as [Locale, string[]][]).map(([locale, examples]) => ({
          _id: `${definition.intent}.${locale}`,
          slug: definition.intent,
          locale,
          title: examples[0]!,
          questions: examples.slice(1),
          answer: '',
        })),
      ),
      // Each language's examples of an intent stay their own class, ranked by overlap and the
      // classifier under the default calibration: a fit on the intents alone would see no FAQ
      // question as "not an intent".
      { calibrate: false, classes: 'article', wholeText: false },
    );
  }

  /**
   * The best intent for a message, or null when none matches at all; from examples in
   * `locales` (all when omitted), the message read in `languages` (see `AnswerIndex.query`).
   */
  match(text: string, locales?: readonly Locale[], languages?: readonly Locale[]): IntentMatch | null {
    const [best] = this.index.query(text, { limit: 1, ...(locales ? { locales } : {}), ...(languages ? { languages } : {}) });
    if (!best) return null;
    return { intent: best.slug as IntentName, locale: best.locale, confidence: best.confidence, example: best.matchedText };
  }

  /** Which language's intent examples the text's words match clearly, if any. */
  vocabularyLocale(text: string): Locale | null {
    return this.index.vocabularyLocale(text);
  }

  /** The share of the text's words (0–1) the intent examples use in the locale. */
  vocabularyCoverage(text: string, locale: Locale): number {
    return this.index.vocabularyCoverage(text, locale);
  }

  /** A response for the intent in the locale, varied by `pick` (e.g. a turn counter). */
  response(intent: IntentName, locale: Locale, pick = 0): string {
    const responses = this.definitions.get(intent)!.responses[locale];
    return this.fill(responses[pick % responses.length]!, locale);
  }
}
