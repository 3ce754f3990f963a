import type { ClassScore } from './article-classifier.js';
import { blendScore } from './confidence.js';
import type { QueryTerm } from './query-scratch.js';

/** One candidate article while a query is ranked. */
export interface Ranked {
  articleIndex: number;
  /** The word-overlap confidence (0–1), then the ranking score with the classifier's blended in. */
  confidence: number;
  overlap: number;
  /** The idf-weighted share of the question's words the article's title and variants hold together. */
  coverage: number;
  classifier: number;
  /** The class's whole-text BM25 share (0 when not worked out). */
  text?: number;
  /** Document in `questions` (or `answers` when `fromAnswer`), -1 for none. */
  doc: number;
  fromAnswer: boolean;
}

/**
 * Turns each candidate's word-overlap confidence into its ranking score, blended with the
 * article classifier's score (an article has its class's), and adds the classifier's best
 * classes that word overlap missed (`representative`: the article to stand for a class, or
 * undefined when none may).
 */
export function blendWithClassifier(
  ranked: Ranked[],
  classified: readonly ClassScore[],
  classOf: (articleIndex: number) => number,
  representative: (cls: number) => number | undefined,
  variantsOf: (articleIndex: number) => number,
): void {
  const scores = new Map(classified.map(({ article, score }) => [article, score]));
  const present = new Set<number>();
  for (const entry of ranked) {
    const cls = classOf(entry.articleIndex);
    present.add(cls);
    entry.overlap = entry.confidence;
    entry.classifier = scores.get(cls) ?? 0;
    entry.confidence = blendScore(entry.classifier, entry.overlap, variantsOf(entry.articleIndex));
  }
  for (const [cls, classifier] of scores) {
    if (present.has(cls)) continue;
    const articleIndex = representative(cls);
    if (articleIndex === undefined) continue;
    const confidence = blendScore(classifier, 0, variantsOf(articleIndex));
    if (confidence > 0) ranked.push({ articleIndex, confidence, overlap: 0, coverage: 0, classifier, doc: -1, fromAnswer: false });
  }
}

/**
 * The idf-weighted share of the question's words that no title or variant holds: a word
 * found in none counts fully, one found only by typo tolerance, stem or as a prefix counts
 * half (a typo is not a new topic; a word nothing resembles often is).
 */
export function unknownShare(uniqueTerms: string[], inQuestions: QueryTerm[]): number {
  let all = 0;
  let unknown = 0;
  uniqueTerms.forEach((term, i) => {
    if (term.includes('_')) return;
    all += inQuestions[i]!.idf;
    const matches = inQuestions[i]!.matches;
    if (matches.length === 0) unknown += inQuestions[i]!.idf;
    else if (matches[0]!.weight !== 1) unknown += inQuestions[i]!.idf / 2;
  });
  return all > 0 ? unknown / all : 0;
}

/** The best word-overlap confidence among the candidates other than the one at `rank`. */
export function bestOtherOverlap(ranked: Ranked[], rank: number): number {
  let best = 0;
  for (let i = 0; i < ranked.length; i++) if (i !== rank && ranked[i]!.overlap > best) best = ranked[i]!.overlap;
  return best;
}
