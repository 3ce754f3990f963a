import { wordStem } from '../text/word-stems.js';

// BM25's usual constants: term frequency saturation and document length normalization.
const k1 = 1.2;
const b = 0.75;
// Terms held by more classes than this only add to classes rarer terms found.
const commonPostings = 100;

/**
 * BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * 2009) over each class's whole text: the titles, question variants and answers the
 * caller visits (one language's translation: `LanguageTextIndexes`) as one document, words stemmed (the English and Czech stemmers applied to
 * every word, once per distinct word), editors' synonyms applied (the index's terms). The
 * answer carries words the three variants an editor writes never use ("a hole in the
 * sleeve" meets "torn or damaged items"), which word overlap with the variants and the
 * classifier cannot see.
 *
 * Built from the index's own term ids (nothing is tokenized twice); postings are flat typed
 * arrays of (class, precomputed weight) per stem, in class order. A question walks the
 * postings of its rare stems; its common ones are looked up only for the classes asked about.
 */
export class ArticleTextIndex {
  private readonly stemIds = new Map<string, number>();
  private readonly stemOfTerm: Int32Array;
  private readonly postingStarts: Int32Array;
  private readonly postingClasses: Int32Array;
  private readonly postingWeights: Float32Array;
  private readonly idf: Float64Array;
  private readonly unknownIdf: number;
  private readonly sums: Float64Array;
  private readonly marks: Uint8Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private most = 0;
  /** The last question's stems held by many classes, and the most they could add. */
  private common: number[] = [];
  private commonMost = 0;

  /**
   * `eachTerm(cls, visit)` visits the term ids of each of the class's texts (a term once per
   * text); `wordOf(term)` is the word of a term id, or null for word pairs (left out).
   */
  constructor(classCount: number, termCount: number, eachTerm: (cls: number, visit: (term: number) => void) => void, wordOf: (term: number) => string | null) {
    this.stemOfTerm = new Int32Array(termCount).fill(-2);
    const perClass: Map<number, number>[] = [];
    const lengths = new Float64Array(classCount);
    const df: number[] = [];
    for (let cls = 0; cls < classCount; cls++) {
      const counts = new Map<number, number>();
      eachTerm(cls, (term) => {
        let stem = this.stemOfTerm[term]!;
        if (stem === -2) {
          const word = wordOf(term);
          stem = this.stemOfTerm[term] = word === null ? -1 : this.internStem(word, df);
        }
        if (stem < 0) return;
        counts.set(stem, (counts.get(stem) ?? 0) + 1);
        lengths[cls]!++;
      });
      for (const stem of counts.keys()) df[stem]!++;
      perClass.push(counts);
    }
    // Classes without text in this index (a slug not translated into its language) are no documents.
    const documents = lengths.filter((length) => length > 0).length;
    const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents) || 1;
    this.idf = Float64Array.from(df, (n) => Math.log(1 + (documents - n + 0.5) / (n + 0.5)));
    this.unknownIdf = Math.log(1 + (documents + 0.5) / 0.5);
    this.postingStarts = new Int32Array(df.length + 1);
    for (let s = 0; s < df.length; s++) this.postingStarts[s + 1] = this.postingStarts[s]! + df[s]!;
    const fill = this.postingStarts.slice(0, df.length);
    this.postingClasses = new Int32Array(this.postingStarts[df.length]!);
    this.postingWeights = new Float32Array(this.postingStarts[df.length]!);
    perClass.forEach((counts, cls) => {
      const norm = k1 * (1 - b + (b * lengths[cls]!) / average);
      for (const [stem, tf] of counts) {
        const at = fill[stem]!++;
        this.postingClasses[at] = cls;
        this.postingWeights[at] = (this.idf[stem]! * tf * (k1 + 1)) / (tf + norm);
      }
    });
    this.sums = new Float64Array(classCount);
    this.marks = new Uint8Array(classCount);
    this.touched = new Int32Array(classCount);
  }

  private internStem(word: string, df: number[]): number {
    const stem = stemOf(word);
    let id = this.stemIds.get(stem);
    if (id === undefined) this.stemIds.set(stem, (id = df.push(0) - 1));
    return id;
  }

  /**
   * Scores the question's words (`words`: each with its term id when the index knows it)
   * against every class, for `share` and `clearlyFound` until `reset`. Returns the share of
   * the most a class could score that comes from words no title, variant or answer uses at
   * all (0–1): a question about something the shop never mentions.
   */
  score(words: readonly { word: string; term: number | undefined }[]): number {
    const stems = new Set<number>();
    let foreign = 0;
    this.most = 0;
    for (const { word, term } of words) {
      const stem = term !== undefined && term < this.stemOfTerm.length && this.stemOfTerm[term]! >= 0 ? this.stemOfTerm[term]! : (this.stemIds.get(stemOf(word)) ?? -1);
      if (stem < 0) {
        foreign += this.unknownIdf;
        this.most += this.unknownIdf;
      } else if (!stems.has(stem)) {
        stems.add(stem);
        this.most += this.idf[stem]!;
      }
    }
    this.most *= k1 + 1;
    const order = [...stems].sort((x, y) => this.size(x) - this.size(y));
    this.common = [];
    this.commonMost = 0;
    for (const [rank, stem] of order.entries()) {
      if (rank > 0 && this.size(stem) > commonPostings) {
        this.common.push(stem);
        this.commonMost += this.idf[stem]! * (k1 + 1);
      } else this.walk(stem);
    }
    return this.most > 0 ? (foreign * (k1 + 1)) / this.most : 0;
  }

  /**
   * The class's score as a share of the most a class could score (0–1), for a class a rare
   * stem found (0 otherwise); common stems are looked up here, for the classes asked about only.
   */
  share(cls: number): number {
    if (this.most <= 0 || this.marks[cls] === 0) return 0;
    let sum = this.sums[cls]!;
    for (const stem of this.common) sum += this.weightIn(stem, cls);
    return sum / this.most;
  }

  /** Among the `limit` classes rare stems found most, those scoring at least `minShare`. */
  clearlyFound(minShare: number, limit: number): number[] {
    const needed = minShare * this.most - this.commonMost;
    const best: number[] = [];
    for (let i = 0; i < this.touchedCount; i++) {
      const cls = this.touched[i]!;
      const sum = this.sums[cls]!;
      if (sum < needed || (best.length === limit && sum <= this.sums[best[limit - 1]!]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && this.sums[best[at - 1]!]! < sum) {
        if (at < limit) best[at] = best[at - 1]!;
        at--;
      }
      best[at] = cls;
      if (best.length > limit) best.length = limit;
    }
    return best.filter((cls) => this.share(cls) >= minShare);
  }

  /** Clears the last question's scores. */
  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      this.sums[this.touched[i]!] = 0;
      this.marks[this.touched[i]!] = 0;
    }
    this.touchedCount = 0;
  }

  private size(stem: number): number {
    return this.postingStarts[stem + 1]! - this.postingStarts[stem]!;
  }

  private walk(stem: number): void {
    for (let i = this.postingStarts[stem]!; i < this.postingStarts[stem + 1]!; i++) {
      const cls = this.postingClasses[i]!;
      if (this.marks[cls] === 0) {
        this.marks[cls] = 1;
        this.touched[this.touchedCount++] = cls;
      }
      this.sums[cls]! += this.postingWeights[i]!;
    }
  }

  /** A stem's weight in a class (binary search in its class-ordered postings), 0 when the class lacks it. */
  private weightIn(stem: number, cls: number): number {
    const to = this.postingStarts[stem + 1]!;
    let low = this.postingStarts[stem]!;
    let high = to;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.postingClasses[mid]! < cls) low = mid + 1;
      else high = mid;
    }
    return low < to && this.postingClasses[low] === cls ? this.postingWeights[low]! : 0;
  }
}

function stemOf(word: string): string {
  return wordStem(wordStem(word, 'en'), 'cs');
}
