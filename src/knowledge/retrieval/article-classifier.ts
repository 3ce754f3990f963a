import type { Locale } from '../../core/locale.js';
import type { LanguageSynonyms } from '../synonyms/language-synonyms.js';
import { tokenParts, type TokenParts } from '../text/tokenize.js';
import { featureTableSize, hashedFeatures } from './classifier-features.js';
import { planTraining, uniqueCounts, type SparseVector, type TrainingPlan } from './classifier-plan.js';

/** One training example: a title or question variant of the article at `article`, in `locale`. */
export interface ClassifierExample {
  article: number;
  text: string;
  locale: Locale;
}

/** An article's classifier score for one question. */
export interface ClassScore {
  article: number;
  score: number;
}

// The most a single update may move the weights (passive-aggressive, PA-I).
const aggressiveness = 0.5;
// Training work (posting visits) done in one go before yielding to the event loop.
const sliceWork = 2_000_000;
// Preparation yields every this many examples; a step counts as this much work.
const examplesPerStep = 1000;
const preparationStep = 400_000;

/**
 * A per-article linear classifier trained from the articles' titles and question variants:
 * words, word pairs and character n-grams (hashed, TF-IDF, unit length) scored by one
 * weight per (feature, article) the article's own examples hold. Trained as a multiclass
 * averaged passive-aggressive model (Crammer et al. 2006): each example pushes its article
 * above the best-scoring other article by a margin of 1. It learns which words tell
 * neighbouring articles apart, which plain word overlap cannot: on CLINC150 it lifts
 * closed-world accuracy from 85 % to 93 % (bench/results/answers-latest.md).
 *
 * Weights live in flat typed arrays along feature postings (the articles each feature occurs
 * in), so a question costs the postings of its features, not articles × features. Training
 * work is planned once the features are counted (`plan`) to fit a budget; it runs at once
 * (`trainNow`) or in slices that yield to the event loop (`trainInSlices`).
 */
export class ArticleClassifier {
  /** Hashed features get dense ids in the order first seen; this maps one to the other. */
  private readonly denseId = new Int32Array(featureTableSize).fill(-1);
  private documentFrequency = new Int32Array(0);
  private idf = new Float32Array(0);
  private readonly unseenIdf: number;
  /** Per question: its known features and their values (reused, grown as needed). */
  private queryIds = new Int32Array(256);
  private queryValues = new Float32Array(256);
  private vectors: SparseVector[] = [];
  private readonly preparing = this.preparation();
  private readonly articles: Int32Array;
  private postingStarts: Int32Array = new Int32Array(1);
  private postingArticles: Int32Array = new Int32Array(0);
  private weights = new Float32Array(0);
  private readonly sums: Float32Array;
  private readonly marks: Uint8Array;
  private readonly touched: Int32Array;
  /** Training state: the averaged-weights accumulator, the shuffled order, the position in it. */
  private totals = new Float32Array(0);
  private order = new Int32Array(0);
  private seed = 1;
  private step = 1;
  private epoch = 0;
  private next = 0;
  private plan_: TrainingPlan | null = null;
  private trained = false;
  /** Milliseconds spent preparing and training (not counting time yielded to others). */
  trainingMs = 0;

  constructor(
    private examples: readonly ClassifierExample[],
    articleCount: number,
    private readonly workBudget: number,
    private readonly synonyms: LanguageSynonyms | null = null,
  ) {
    this.unseenIdf = Math.log(examples.length + 1) + 1;
    this.articles = Int32Array.from(examples, (example) => example.article);
    this.sums = new Float32Array(articleCount);
    this.marks = new Uint8Array(articleCount);
    this.touched = new Int32Array(articleCount);
  }

  /** The training plan, known once the examples' features are counted. */
  get plan(): TrainingPlan | null {
    return this.plan_;
  }

  /** Goes on preparing and training for about `maxWork` units; true when done. */
  private advance(maxWork: number): boolean {
    if (this.trained) return true;
    let work = 0;
    while (!this.plan_) {
      if (work >= maxWork) return false;
      this.preparing.next();
      work += preparationStep;
    }
    return this.trainSlice(maxWork - work);
  }

  /**
   * Hashes the examples' features, builds their TF-IDF vectors, plans the training and lays
   * out the postings, yielding every `examplesPerStep` examples (or features).
   */
  private *preparation(): Generator<void, void, void> {
    const n = this.examples.length;
    const hashed: { ids: Int32Array; counts: Int32Array }[] = [];
    const frequency: number[] = [];
    for (let e = 0; e < n; e++) {
      const { text, locale } = this.examples[e]!;
      const features = uniqueCounts(hashedFeatures(tokenParts(text, { locale, synonyms: this.synonyms?.of(locale) ?? null })));
      const ids = features.ids;
      for (let i = 0; i < ids.length; i++) {
        let id = this.denseId[ids[i]!]!;
        if (id < 0) id = this.denseId[ids[i]!] = frequency.push(0) - 1;
        ids[i] = id;
        frequency[id]!++;
      }
      hashed.push(features);
      if (e % examplesPerStep === examplesPerStep - 1) yield;
    }
    const featureCount = frequency.length;
    this.documentFrequency = Int32Array.from(frequency);
    this.idf = Float32Array.from(frequency, (df) => Math.log((n + 1) / (df + 1)) + 1);
    // Per feature, how many articles hold it (examples of one article are usually adjacent).
    const articlesPerFeature = new Int32Array(featureCount);
    const lastArticle = new Int32Array(featureCount).fill(-1);
    for (let e = 0; e < n; e++) {
      const { ids, counts } = hashed[e]!;
      this.vectors.push(this.vector(ids, counts));
      const article = this.articles[e]!;
      for (let i = 0; i < ids.length; i++) {
        if (lastArticle[ids[i]!] !== article) {
          lastArticle[ids[i]!] = article;
          articlesPerFeature[ids[i]!]!++;
        }
      }
      if (e % examplesPerStep === examplesPerStep - 1) yield;
    }
    const plan = planTraining(this.vectors, articlesPerFeature, this.workBudget);
    yield;
    // Postings: per feature within the cap, its articles in ascending order (for `update`).
    const starts = new Int32Array(featureCount + 1);
    for (let f = 0; f < featureCount; f++) starts[f + 1] = starts[f]! + (articlesPerFeature[f]! <= plan.articleCap ? articlesPerFeature[f]! : 0);
    const fill = starts.slice(0, featureCount);
    const postingArticles = new Int32Array(starts[featureCount]!);
    lastArticle.fill(-1);
    for (let e = 0; e < n; e++) {
      const ids = this.vectors[e]!.ids;
      const article = this.articles[e]!;
      for (let i = 0; i < ids.length; i++) {
        const f = ids[i]!;
        if (articlesPerFeature[f]! <= plan.articleCap && lastArticle[f] !== article) {
          lastArticle[f] = article;
          postingArticles[fill[f]!++] = article;
        }
      }
      if (e % examplesPerStep === examplesPerStep - 1) yield;
    }
    for (let f = 0; f < featureCount; f++) {
      if (starts[f + 1]! - starts[f]! > 1) postingArticles.subarray(starts[f]!, starts[f + 1]!).sort();
      if (f % (examplesPerStep * 10) === 0) yield;
    }
    this.postingStarts = starts;
    this.postingArticles = postingArticles;
    this.weights = new Float32Array(postingArticles.length);
    this.totals = new Float32Array(postingArticles.length);
    this.order = Int32Array.from(this.vectors.keys());
    this.plan_ = plan;
  }

  /** Whether training has finished; until then `scores` returns nothing. */
  get ready(): boolean {
    return this.trained;
  }

  /** Trains to the end now. */
  trainNow(): void {
    const started = performance.now();
    while (!this.advance(Number.POSITIVE_INFINITY));
    this.trainingMs += performance.now() - started;
  }

  /** Trains in slices of a few milliseconds, letting other work run in between. */
  async trainInSlices(): Promise<void> {
    for (;;) {
      const started = performance.now();
      const done = this.advance(sliceWork);
      this.trainingMs += performance.now() - started;
      if (done) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /**
   * The articles that share features with the question (its `tokenParts` in the language it
   * is read in), with their scores (about 1 or more for a question like the article's
   * variants, near 0 for one it does not cover), best first, at most `limit`.
   */
  scores(question: TokenParts, limit: number): ClassScore[] {
    if (!this.trained) return [];
    // One pass over the sorted feature hashes, in reused buffers (no garbage per question):
    // each distinct known feature's TF-IDF value, and the unseen ones' share of the length.
    const hashes = hashedFeatures(question).sort();
    if (this.queryIds.length < hashes.length) {
      this.queryIds = new Int32Array(hashes.length * 2);
      this.queryValues = new Float32Array(hashes.length * 2);
    }
    const { queryIds: ids, queryValues: values } = this;
    let known = 0;
    let norm = 0;
    for (let i = 0; i < hashes.length; ) {
      let end = i + 1;
      while (end < hashes.length && hashes[end] === hashes[i]) end++;
      const id = this.denseId[hashes[i]!]!;
      // Features no article uses weigh like the rarest known ones in the question's length,
      // so a question mostly about something else scores low.
      const value = (1 + Math.log(end - i)) * (id < 0 ? this.unseenIdf : this.idf[id]!);
      norm += value * value;
      if (id >= 0) {
        ids[known] = id;
        values[known++] = value;
      }
      i = end;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < known; i++) values[i]! /= norm;
    const count = this.accumulate(ids, values, known);
    // The best `limit`, kept in order as the touched articles stream by: a large knowledge
    // base touches thousands, and sorting them all cost more than the rest of the query.
    const best: ClassScore[] = [];
    for (let i = 0; i < count; i++) {
      const article = this.touched[i]!;
      this.marks[article] = 0;
      const score = this.sums[article]!;
      if (best.length >= limit) {
        if (limit <= 0 || score <= best[limit - 1]!.score) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { article, score });
    }
    return best;
  }

  /** Sums the weights over the vector's postings per article; returns how many articles were touched. */
  private accumulate(ids: Int32Array, values: Float32Array, length: number): number {
    const { postingStarts, postingArticles, weights, sums, marks, touched } = this;
    let count = 0;
    for (let i = 0; i < length; i++) {
      const f = ids[i]!;
      const value = values[i]!;
      for (let p = postingStarts[f]!; p < postingStarts[f + 1]!; p++) {
        const article = postingArticles[p]!;
        if (marks[article] === 0) {
          marks[article] = 1;
          touched[count++] = article;
          sums[article] = 0;
        }
        sums[article]! += weights[p]! * value;
      }
    }
    return count;
  }

  /**
   * Goes on training for about `maxWork` posting visits; true when training has finished.
   * Each epoch walks the examples in a fixed-seed shuffle, so a knowledge base always trains
   * the same model.
   */
  private trainSlice(maxWork: number): boolean {
    const { order, vectors, articles, sums, marks, touched } = this;
    let work = 0;
    const plan = this.plan_!;
    // An empty knowledge base has nothing to learn.
    if (order.length === 0) this.epoch = plan.epochs;
    while (this.epoch < plan.epochs && work < maxWork) {
      if (this.next === 0) this.shuffle();
      const e = order[this.next]!;
      this.step++;
      const vector = vectors[e]!;
      const own = articles[e]!;
      const count = this.accumulate(vector.ids, vector.values, vector.ids.length);
      work += count + vector.ids.length;
      let ownScore = 0;
      let rival = -1;
      let rivalScore = 0;
      for (let i = 0; i < count; i++) {
        const article = touched[i]!;
        marks[article] = 0;
        const score = sums[article]!;
        if (article === own) ownScore = score;
        else if (rival < 0 || score > rivalScore) {
          rival = article;
          rivalScore = score;
        }
      }
      const loss = 1 - (ownScore - rivalScore);
      if (rival >= 0 && loss > 0) {
        const tau = Math.min(aggressiveness, loss / 2);
        this.update(vector, own, tau);
        this.update(vector, rival, -tau);
      }
      if (++this.next === order.length) {
        this.next = 0;
        this.epoch++;
      }
    }
    if (this.epoch < plan.epochs) return false;
    // The averaged weights: each update counted for the steps it stood.
    const { weights, totals, step } = this;
    for (let p = 0; p < weights.length; p++) weights[p]! -= totals[p]! / step;
    // Only the weights are needed from now on: the training data would just load the garbage
    // collector (tens of thousands of small arrays on a large knowledge base).
    this.totals = new Float32Array(0);
    this.vectors = [];
    this.examples = [];
    this.order = new Int32Array(0);
    this.trained = true;
    return true;
  }

  private shuffle(): void {
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
      const j = this.seed % (i + 1);
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
  }

  /** Moves the article's weights on the vector's features by `amount`; features it does not hold stay 0. */
  private update(vector: SparseVector, article: number, amount: number): void {
    const { weights, totals, step } = this;
    for (let i = 0; i < vector.ids.length; i++) {
      const f = vector.ids[i]!;
      let low = this.postingStarts[f]!;
      let high = this.postingStarts[f + 1]! - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const at = this.postingArticles[mid]!;
        if (at === article) {
          const delta = amount * vector.values[i]!;
          weights[mid]! += delta;
          totals[mid]! += step * delta;
          break;
        }
        if (at < article) low = mid + 1;
        else high = mid - 1;
      }
    }
  }

  /** Sublinear TF-IDF, scaled to unit length. */
  private vector(ids: Int32Array, counts: Int32Array): SparseVector {
    const values = new Float32Array(ids.length);
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const value = (1 + Math.log(counts[i]!)) * this.idf[ids[i]!]!;
      values[i] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < values.length; i++) values[i]! /= norm;
    return { ids, values };
  }
}
