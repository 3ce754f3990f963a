/** One index word standing for a query word, with how much it counts. */
export interface Match {
  term: number;
  weight: number;
  idf: number;
}

/** One query term and the index words that stand for it. */
export interface QueryTerm {
  idf: number;
  matches: Match[];
  /** How many documents its words appear in, together. */
  postings: number;
}

/** Per-document sums of one query, reused across queries (reset after each). */
export class QueryScratch {
  readonly recall: Float64Array;
  readonly matched: Float64Array;
  readonly lastTerm: Uint16Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(size: number) {
    this.recall = new Float64Array(size);
    this.matched = new Float64Array(size);
    this.lastTerm = new Uint16Array(size);
    this.touched = new Int32Array(size);
  }

  reset(): void {
    for (let i = 0; i < this.count; i++) {
      const doc = this.touched[i]!;
      this.recall[doc] = 0;
      this.matched[doc] = 0;
      this.lastTerm[doc] = 0;
    }
    this.count = 0;
  }
}
