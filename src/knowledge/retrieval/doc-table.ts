/**
 * Documents as interned term ids in flat typed arrays, with an inverted index built the same
 * way (compressed sparse rows). Kept flat so a 10,000-article knowledge base is a few typed
 * arrays instead of hundreds of thousands of Sets and arrays for the garbage collector to walk.
 */
export class DocTable {
  /** Term ids of document d are `terms[starts[d]] … terms[starts[d + 1] - 1]` (each once). */
  readonly terms: Int32Array;
  readonly starts: Int32Array;
  readonly articleOf: Int32Array;
  readonly texts: string[];
  /** Documents holding term t: `postings[postingStarts[t]] … postings[postingStarts[t + 1] - 1]`, ascending. */
  readonly postings: Int32Array;
  readonly postingStarts: Int32Array;

  constructor(builder: DocTableBuilder, termCount: number) {
    this.terms = builder.terms.subarray(0, builder.termCount).slice();
    this.starts = Int32Array.from(builder.starts);
    this.articleOf = Int32Array.from(builder.articleOf);
    this.texts = builder.texts;
    const counts = new Int32Array(termCount + 1);
    for (const term of this.terms) counts[term + 1]!++;
    for (let t = 0; t < termCount; t++) counts[t + 1]! += counts[t]!;
    this.postingStarts = counts;
    const fill = counts.slice(0, termCount);
    this.postings = new Int32Array(this.terms.length);
    for (let d = 0; d < this.articleOf.length; d++) for (let i = this.starts[d]!; i < this.starts[d + 1]!; i++) this.postings[fill[this.terms[i]!]!++] = d;
  }

  get size(): number {
    return this.articleOf.length;
  }

  /** How many documents hold term `t` (0 for terms this table never saw). */
  df(t: number): number {
    return t + 1 < this.postingStarts.length ? this.postingStarts[t + 1]! - this.postingStarts[t]! : 0;
  }

  /** Whether document `d` holds term `t`. */
  has(d: number, t: number): boolean {
    const end = this.starts[d + 1]!;
    for (let i = this.starts[d]!; i < end; i++) if (this.terms[i] === t) return true;
    return false;
  }
}

/** Collects documents before they are frozen into a DocTable. */
export class DocTableBuilder {
  terms = new Int32Array(1024);
  termCount = 0;
  readonly starts: number[] = [0];
  readonly articleOf: number[] = [];
  readonly texts: string[] = [];

  /** Adds a document of distinct term ids; returns its index. */
  add(articleIndex: number, text: string, termIds: readonly number[]): number {
    if (this.termCount + termIds.length > this.terms.length) {
      const grown = new Int32Array(Math.max(this.terms.length * 2, this.termCount + termIds.length));
      grown.set(this.terms);
      this.terms = grown;
    }
    for (const term of termIds) this.terms[this.termCount++] = term;
    this.starts.push(this.termCount);
    this.texts.push(text);
    return this.articleOf.push(articleIndex) - 1;
  }

  get size(): number {
    return this.articleOf.length;
  }
}
