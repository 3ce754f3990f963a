import { tokenize } from '../../knowledge/text/tokenize.js';

// English plurals ("cards", "bicycles") should meet their singular; the index's tokenizer keeps them apart.
const plural = /^([a-z]{3,}[^s])s$/;
const singular = (term: string): string => term.replace(plural, '$1');

/**
 * The project's index terms for clustering: tokenize's folded words (English plurals made
 * singular) and word pairs; pairs count half, as they repeat their words.
 */
export function clusterTerms(text: string): { term: string; share: number }[] {
  return tokenize(text).map((term) => (term.includes('_') ? { term: term.split('_').map(singular).join('_'), share: 0.5 } : { term: singular(term), share: 1 }));
}

/** A sparse term-weight vector, L2-normalized. */
export type TermVector = Map<string, number>;

/**
 * Weighs the project's index terms (tokenize: folded, abbreviations expanded, Chinese
 * segmented, word pairs) by how rare they are in a reference set of texts, so that
 * "how", "co", "khong" count little and "gift", "the_qua" count a lot. Frozen once built;
 * `toJSON`/`fromJSON` keep it with a resolved content gap.
 */
export class TermWeights {
  private constructor(
    private readonly idf: Map<string, number>,
    private readonly unseenIdf: number,
  ) {}

  /** Weights learnt from `texts` (document frequency with a smoothed log). */
  static fromTexts(texts: readonly string[]): TermWeights {
    const frequency = new Map<string, number>();
    for (const text of texts) for (const term of new Set(clusterTerms(text).map((entry) => entry.term))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const total = texts.length;
    const idf = new Map([...frequency].map(([term, count]) => [term, Math.log(1 + total / count)]));
    return new TermWeights(idf, Math.log(1 + total));
  }

  static fromJSON(json: { idf: Record<string, number>; unseenIdf: number }): TermWeights {
    return new TermWeights(new Map(Object.entries(json.idf)), json.unseenIdf);
  }

  /** The weights of only the given terms (what a stored gap needs to match later questions). */
  toJSON(terms: Iterable<string>): { idf: Record<string, number>; unseenIdf: number } {
    const idf: Record<string, number> = {};
    for (const term of terms) idf[term] = this.weight(term);
    return { idf, unseenIdf: this.unseenIdf };
  }

  weight(term: string): number {
    return this.idf.get(term) ?? this.unseenIdf;
  }

  /** The text's normalized tf-idf vector. */
  vector(text: string): TermVector {
    return this.vectorOf(clusterTerms(text));
  }

  /** The vector of terms already split by `clusterTerms` (to weigh one text several ways). */
  vectorOf(terms: readonly { term: string; share: number }[]): TermVector {
    const vector: TermVector = new Map();
    // idf squared: words most questions share ("how", "can", "co") barely count at all.
    for (const { term, share } of terms) vector.set(term, (vector.get(term) ?? 0) + share * this.weight(term) ** 2);
    return normalize(vector);
  }
}

/** Scales a vector to length 1 (an empty vector stays empty). */
export function normalize(vector: TermVector): TermVector {
  let length = 0;
  for (const value of vector.values()) length += value * value;
  length = Math.sqrt(length);
  if (length === 0) return vector;
  for (const [term, value] of vector) vector.set(term, value / length);
  return vector;
}

/** Cosine similarity of two normalized vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, value] of small) sum += value * (large.get(term) ?? 0);
  return sum;
}
