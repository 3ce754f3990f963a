import type { Locale } from '../../config/config-schema.js';
import type { ConfidenceSignals } from './confidence.js';

/** What the index needs of an article. */
export interface IndexableArticle {
  _id: string;
  slug: string;
  locale: Locale;
  title: string;
  questions: string[];
  answer: string;
}

/** One ranked answer candidate with a confidence from 0 to 1 and why it matched. */
export interface Candidate {
  articleId: string;
  slug: string;
  locale: Locale;
  title: string;
  confidence: number;
  /** The title or question variant that matched best (or the answer). */
  matchedText: string;
  /** Index terms of the question found in the article. */
  matchedTerms: string[];
  /** What the confidence was worked out from (absent on candidates made elsewhere). */
  signals?: ConfidenceSignals;
}
