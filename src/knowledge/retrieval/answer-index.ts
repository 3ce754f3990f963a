import type { Locale } from '../../config/config-schema.js';
import { LanguageSynonyms } from '../synonyms/language-synonyms.js';
import type { SynonymList } from '../synonyms/synonyms.js';
import { termsOf, tokenParts, type TokenParts } from '../text/tokenize.js';
import { ArticleClassifier } from './article-classifier.js';
import { LanguageTextIndexes } from './language-text-indexes.js';
import { bestOtherOverlap, blendWithClassifier, unknownShare, type Ranked } from './candidate-signals.js';
import type { Candidate, IndexableArticle } from './candidate.js';
import { calibratedConfidence, defaultCalibration, type Calibration } from './confidence.js';
import { selfCalibration, selfCalibrationInSlices, type CalibrationReport, type Ranker } from './self-calibration.js';
import { sharedCalibrationCache, type FittedCalibration } from './calibration-cache.js';
import { DocTable, DocTableBuilder } from './doc-table.js';
import { QueryScratch, type Match, type QueryTerm } from './query-scratch.js';
import { TermDictionary } from './term-dictionary.js';
import { StemLookup } from './stem-lookup.js';
import { TermLookup } from './term-lookup.js';
import type { StemmedLanguage } from '../text/word-stems.js';

export type { Candidate, IndexableArticle } from './candidate.js';

// How many articles, by their best single variant, get the all-variants score worked out.
const unionCandidates = 60;
// A question covered only by an article's answer text is at best worth a clarification.
const answerOnlyWeight = 0.55;
// The best single variant's fit against all of the article's variants together.
const variantWeight = 0.5;
// A term found only by typo tolerance or as a prefix counts for less than an exact one.
const approximateMatchWeight = 0.75;
// A word found by its stem (another inflection of it) counts nearly as much as the word itself.
const stemMatchWeight = 0.9;
// Index words that may stand in for one query word by typo tolerance or as a completion.
const maxApproximate = 4;
// Query words whose documents number more than this are not walked (the rarest word always is):
// they only add to documents that rarer words found.
const commonPostings = 300;
// How much the whole-text BM25 share counts next to the ranking score (chosen on the shop
// benchmark's dev half), and the share from which a class found only by its text joins.
const textWeight = 0.5;
const textOnlyShare = 0.6;
const textOnlyCandidates = 5;
// The classifier's best articles that join the word-overlap candidates.
const classifierCandidates = 20;
// Classifier training work (posting visits, a few nanoseconds each) allowed in all.
const trainingBudget = 400_000_000;
// Up to this many titles and variants the classifier trains in the constructor; beyond,
// in slices that let other work run (`trainClassifier`).
const trainNowExamples = 20_000;
// A large knowledge base fits its calibration on evenly spread articles with about this many
// titles and variants: each held-out index over them is built at once, in one pause.
const sampleExamples = 6_000;

interface WordLookups {
  terms: TermLookup;
  stems: StemLookup;
}

/**
 * The offline answer index: an inverted index over every title, question variant and
 * answer, with typo and prefix lookup. The confidence is an F1 of how much of the
 * question's information (idf-weighted terms) the best variant covers and how much of the
 * variant the question covers, blended with how much of the question the article's title
 * and variants cover together; an answer-only match counts for less. Unknown words weigh
 * like the rarest known ones, so questions about things the knowledge base never mentions
 * score low. The scale does not depend on the size of the knowledge base, so thresholds
 * keep their meaning.
 *
 * Terms are interned to integer ids and documents and postings live in flat typed arrays
 * (DocTable), with per-query sums in reused scratch arrays: at 10,000 articles that keeps
 * the build to a few seconds and a query to about a millisecond. MiniSearch, used first,
 * scored every document of every posting list and expanded every word by edit distance:
 * 0.3–0.9 s a query and 30 s to build at 10,000 articles (bench/results).
 */
export class AnswerIndex {
  private readonly articleList: IndexableArticle[] = [];
  private readonly synonyms: LanguageSynonyms | null;
  private readonly dictionary: TermDictionary;
  private readonly questions: DocTable;
  private readonly answers: DocTable;
  /** Per question document: the idf weight of all its terms. */
  private readonly docWeight: Float64Array;
  /** Per question document, its word pairs whose first word has four letters or more: pair term, first word, at `pairStarts[d]…`. */
  private readonly pairTerm: Int32Array;
  private readonly pairFirst: Int32Array;
  private readonly pairStarts: Int32Array;
  private readonly idfOf: Float64Array;
  private readonly unknownIdf: number;
  /** A bit per language, in the order the languages first appear. */
  private readonly localeBits = new Map<Locale, number>();
  private readonly questionLookup: WordLookups;
  private answerLookupCache: WordLookups | null = null;
  /** Per article, the range of its title and variants in `questions`. */
  private readonly articleFrom: Int32Array;
  private readonly articleTo: Int32Array;
  private readonly articleLocale: Locale[];
  private readonly questionScratch: QueryScratch;
  private readonly answerScratch: QueryScratch;
  private readonly bestF1: Float64Array;
  private readonly bestDoc: Int32Array;
  private readonly lowerBound: Float64Array;
  /** Per term, 1 + its slot among the current query's matched words (0 when not matched). */
  private readonly matchSlot: Int32Array;
  private readonly classifier: ArticleClassifier;
  /** Per article, its slug's class; per class, its articles (translations) and their titles and variants in all. */
  private readonly classOf: Int32Array;
  private readonly classArticles: number[][];
  private readonly classExamples: Int32Array;
  private readonly text: LanguageTextIndexes | null;
  private training: Promise<void> | null = null;
  private readonly synonymLists: readonly SynonymList[];
  private readonly calibrates: boolean;
  private calibration: Calibration = defaultCalibration;
  private calibrationReport: CalibrationReport | null = null;

  /**
   * `synonyms` are the editors' synonyms; `calibrate: false` keeps the default calibration
   * (for the held-out indexes of a fit, and for intents, whose "not covered" side is every
   * FAQ question); `classes: 'article'` makes each translation its own classifier class and
   * candidate instead of one per slug; `wholeText: false` ranks without the whole-text BM25
   * share (intents: short examples, no answers); `trainNow: false` leaves all training to
   * `trainClassifier` (by default a knowledge base of up to 20,000 titles and variants trains here).
   */
  constructor(articles: Iterable<IndexableArticle>, options: { synonyms?: readonly SynonymList[]; calibrate?: boolean; classes?: 'slug' | 'article'; wholeText?: boolean; trainNow?: boolean } = {}) {
    const synonyms = new LanguageSynonyms(options.synonyms ?? []);
    this.synonyms = synonyms.empty ? null : synonyms;
    this.dictionary = new TermDictionary(this.synonyms);
    const questions = new DocTableBuilder();
    const answers = new DocTableBuilder();
    const from: number[] = [];
    const to: number[] = [];
    for (const article of articles) {
      const articleIndex = this.articleList.push(article) - 1;
      if (!this.localeBits.has(article.locale)) this.localeBits.set(article.locale, 1 << this.localeBits.size);
      const bit = this.localeBits.get(article.locale)!;
      from.push(questions.size);
      questions.add(articleIndex, article.title, this.dictionary.internText(article.title, false, article.locale, bit));
      for (const text of article.questions) questions.add(articleIndex, text, this.dictionary.internText(text, false, article.locale, bit));
      to.push(questions.size);
      // Answers are long: their word pairs would multiply the vocabulary for little gain.
      answers.add(articleIndex, article.answer, this.dictionary.internText(article.answer, true, article.locale, bit));
    }
    this.dictionary.doneBuilding();
    const termCount = this.dictionary.size;
    this.questions = new DocTable(questions, termCount);
    this.answers = new DocTable(answers, termCount);
    this.articleFrom = Int32Array.from(from);
    this.articleTo = Int32Array.from(to);
    this.articleLocale = this.articleList.map((article) => article.locale);

    const docCount = this.questions.size;
    this.unknownIdf = Math.log(1 + (docCount + 1) / 0.5);
    this.idfOf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) this.idfOf[t] = Math.log(1 + (docCount + 1) / (this.questions.df(t) + 0.5));
    this.docWeight = new Float64Array(docCount);
    const pairTerm: number[] = [];
    const pairFirst: number[] = [];
    const pairStarts = [0];
    const { terms, starts } = this.questions;
    for (let d = 0; d < docCount; d++) {
      let weight = 0;
      for (let i = starts[d]!; i < starts[d + 1]!; i++) {
        const t = terms[i]!;
        weight += this.idfOf[t]!;
        const first = this.dictionary.firstOf(t);
        if (first >= 0 && this.dictionary.text(first).length >= 4 && this.questions.has(d, first)) {
          pairTerm.push(t);
          pairFirst.push(first);
        }
      }
      this.docWeight[d] = weight;
      pairStarts.push(pairTerm.length);
    }
    this.pairTerm = Int32Array.from(pairTerm);
    this.pairFirst = Int32Array.from(pairFirst);
    this.pairStarts = Int32Array.from(pairStarts);
    this.questionLookup = this.lookupsFor(this.questions);
    this.questionScratch = new QueryScratch(docCount);
    this.answerScratch = new QueryScratch(this.answers.size);
    this.bestF1 = new Float64Array(this.articleList.length);
    this.bestDoc = new Int32Array(this.articleList.length).fill(-1);
    this.lowerBound = new Float64Array(this.articleList.length);
    this.matchSlot = new Int32Array(termCount);
    // The classifier's classes are slugs: an article's translations teach one class together
    // instead of competing with each other. Its examples go in class order.
    const classOfSlug = new Map<string, number>();
    this.classOf = Int32Array.from(this.articleList, (article) => {
      const key = options.classes === 'article' ? article._id : article.slug;
      if (!classOfSlug.has(key)) classOfSlug.set(key, classOfSlug.size);
      return classOfSlug.get(key)!;
    });
    this.classArticles = Array.from({ length: classOfSlug.size }, (): number[] => []);
    this.classExamples = new Int32Array(classOfSlug.size);
    this.articleList.forEach((_, index) => {
      this.classArticles[this.classOf[index]!]!.push(index);
      this.classExamples[this.classOf[index]!]! += this.articleTo[index]! - this.articleFrom[index]!;
    });
    const examples = this.classArticles.flatMap((members, cls) => members.flatMap((index) => {
        const { title, questions: variants, locale } = this.articleList[index]!;
        return [title, ...variants].map((text) => ({ article: cls, text, locale }));
      }),
    );
    this.classifier = new ArticleClassifier(examples, classOfSlug.size, trainingBudget, this.synonyms);
    this.text = options.wholeText === false ? null : this.buildTextIndex();
    this.synonymLists = options.synonyms ?? [];
    this.calibrates = options.calibrate ?? true;
    if (options.trainNow ?? examples.length <= trainNowExamples) {
      this.classifier.trainNow();
      if (this.calibrates) this.fitCalibration(this.articleList);
    }
  }

  /**
   * Finishes preparing a knowledge base too large to prepare in the constructor: trains the
   * article classifier in slices that let other work run, then fits its own calibration on a
   * sample of its articles. Until then confidences come from word overlap alone, under the
   * default calibration.
   */
  async trainClassifier(): Promise<void> {
    if (!this.classifier.ready) await (this.training ??= this.classifier.trainInSlices());
    if (this.calibrates && !this.calibrationReport) {
      const sample = this.calibrationSample();
      const cache = sharedCalibrationCache();
      const heldOutInSlices = async (kept: IndexableArticle[]): Promise<Ranker> => {
        const index = new AnswerIndex(kept, { synonyms: this.synonymLists, calibrate: false, trainNow: false });
        await index.trainClassifier();
        return index;
      };
      this.useCalibration(await cache.getOrFitInSlices(cache.key(sample, this.synonymLists), () => selfCalibrationInSlices(sample, heldOutInSlices)));
    }
  }

  /** What fitting this knowledge base's own calibration saw (null until fitted, or when it does not calibrate). */
  get calibrationFit(): CalibrationReport | null {
    return this.calibrationReport;
  }

  /** The confidence calibration in use: this knowledge base's own once fitted. */
  get confidenceCalibration(): Calibration {
    return this.calibration;
  }

  private fitCalibration(articles: readonly IndexableArticle[]): void {
    const cache = sharedCalibrationCache();
    this.useCalibration(cache.getOrFit(cache.key(articles, this.synonymLists), () => selfCalibration(articles, this.heldOutIndex)));
  }

  private useCalibration(fitted: FittedCalibration): void {
    this.calibration = fitted.calibration;
    this.calibrationReport = fitted.report;
  }

  /** An index over a fit's held-out articles, with the same analysis and the default calibration. */
  private readonly heldOutIndex = (kept: IndexableArticle[]): Ranker => new AnswerIndex(kept, { synonyms: this.synonymLists, calibrate: false });

  /** All translations of evenly spread slugs, up to about `sampleExamples` titles and variants, for a large knowledge base's fit. */
  private calibrationSample(): IndexableArticle[] {
    const examples = this.classExamples.reduce((sum, count) => sum + count, 0);
    const stride = Math.max(1, Math.ceil(examples / sampleExamples));
    return this.classArticles.filter((_, cls) => cls % stride === 0).flatMap((members) => members.map((index) => this.articleList[index]!));
  }

  /** Whether confidences include the article classifier's (false while it trains). */
  get classifierReady(): boolean {
    return this.classifier.ready;
  }

  /** How the classifier was trained and how long it took, for benchmarks. */
  get classifierStats(): { articleCap: number; epochs: number; work: number; trainingMs: number } | null {
    const plan = this.classifier.plan;
    return plan && { ...plan, trainingMs: this.classifier.trainingMs };
  }

  /** Typo, prefix and stem lookups over the words of a table. */
  private lookupsFor(table: DocTable): WordLookups {
    const stemmed = (['en', 'cs'] as const).flatMap((language) => (this.localeBits.has(language) ? [{ language, bit: this.localeBits.get(language)! }] : []));
    const languagesOf = (word: string): StemmedLanguage[] => {
      const mask = this.dictionary.localesOf(word);
      return stemmed.filter(({ bit }) => (mask & bit) !== 0).map(({ language }) => language);
    };
    return { terms: new TermLookup(this.termsIn(table)), stems: new StemLookup(this.termsIn(table), languagesOf) };
  }

  private *termsIn(table: DocTable): Iterable<string> {
    for (let t = 0; t < this.dictionary.size; t++) if (this.dictionary.firstOf(t) < 0 && table.df(t) > 0) yield this.dictionary.text(t);
  }

  get size(): number {
    return this.articleList.length;
  }

  /**
   * Ranked candidates for a question, best first, from articles in `locales` (all when
   * omitted). The question is read in each of `languages`, the languages it may be in (its
   * chat abbreviations and synonyms; by default, and when none of them has articles here,
   * every language of the index), and the reading whose best candidate is most confident is
   * kept; readings that give the same terms are ranked once. An article was read in its own
   * language, so a reading matches another language's articles only by the words they share.
   */
  query(question: string, options: { locales?: readonly Locale[]; limit?: number; languages?: readonly Locale[] } = {}): Candidate[] {
    let best: Candidate[] = [];
    const seen = new Set<string>();
    for (const language of this.readingLanguages(options.languages)) {
      const parts = this.partsIn(question, language);
      const key = `${parts.words.join(' ')}\u0000${parts.others.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ranked = this.rank(parts, language, options);
      if ((ranked[0]?.confidence ?? 0) > (best[0]?.confidence ?? 0) || best.length === 0) best = ranked;
    }
    return best;
  }

  /** The languages a question is read in: those asked for that the index has articles in, else all the index has. */
  private readingLanguages(asked: readonly Locale[] | undefined): Locale[] {
    const known = asked?.filter((language) => this.localeBits.has(language)) ?? [];
    return known.length > 0 ? known : [...this.localeBits.keys()];
  }

  /** A text's terms read as `language`: its chat abbreviations and its editors' synonyms. */
  private partsIn(text: string, language: Locale): TokenParts {
    return tokenParts(text, { locale: language, synonyms: this.synonyms?.of(language) ?? null });
  }

  /** Ranked candidates for a question's terms read in `language`. */
  private rank(parts: TokenParts, language: Locale, options: { locales?: readonly Locale[]; limit?: number }): Candidate[] {
    const allTerms = [...new Set(termsOf(parts))];
    const allInQuestions = this.queryTerms(allTerms, language, this.questions, this.questionLookup);
    // A Chinese bigram across two words counts only where the knowledge base uses it.
    const counts = (term: string, i: number) => !parts.joins?.has(term) || allInQuestions[i]!.matches.length > 0 || this.dictionary.id(term) !== undefined;
    const uniqueTerms = parts.joins ? allTerms.filter(counts) : allTerms;
    if (uniqueTerms.length === 0) return [];
    const allowed = options.locales ? new Set(options.locales) : null;
    const questionWeight = uniqueTerms.reduce((sum, term) => sum + this.idf(term), 0);

    // Titles and variants: per document, how much of the question it covers (recall) and
    // how much of itself the question covers (precision).
    const inQuestions = parts.joins ? allInQuestions.filter((_, i) => counts(allTerms[i]!, i)) : allInQuestions;
    const unknown = unknownShare(uniqueTerms, inQuestions);
    const scratch = this.questionScratch;
    this.walk(inQuestions, this.questions, scratch, allowed);
    const matchTerms = new Set<number>();
    // Each matched word's slot lists, flat, the query terms it stands for and at what weight.
    const slotEntries: number[][] = [];
    const slot = this.matchSlot;
    inQuestions.forEach((queryTerm, q) => {
      for (const match of queryTerm.matches) {
        matchTerms.add(match.term);
        if (slot[match.term] === 0) slot[match.term] = slotEntries.push([]);
        slotEntries[slot[match.term]! - 1]!.push(q, match.weight);
      }
    });
    const touchedArticles: number[] = [];
    for (let i = 0; i < scratch.count; i++) {
      const d = scratch.touched[i]!;
      // A variant's word pairs that start with a matched word count as covered too, so the
      // pairs of a long variant do not make the question look like a small part of it.
      let matched = scratch.matched[d]!;
      for (let p = this.pairStarts[d]!; p < this.pairStarts[d + 1]!; p++) if (slot[this.pairFirst[p]!] !== 0 && slot[this.pairTerm[p]!] === 0) matched += this.idfOf[this.pairTerm[p]!]!;
      const recall = Math.min(1, scratch.recall[d]! / questionWeight);
      const weight = this.docWeight[d]!;
      const precision = weight > 0 ? Math.min(1, matched / weight) : 0;
      const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
      const lowerBound = variantWeight * f1 + (1 - variantWeight) * recall;
      const article = this.questions.articleOf[d]!;
      if (this.bestDoc[article] === -1) {
        touchedArticles.push(article);
        this.bestF1[article] = f1;
        this.bestDoc[article] = d;
        this.lowerBound[article] = lowerBound;
      } else {
        if (f1 > this.bestF1[article]!) {
          this.bestF1[article] = f1;
          this.bestDoc[article] = d;
        }
        if (lowerBound > this.lowerBound[article]!) this.lowerBound[article] = lowerBound;
      }
    }
    scratch.reset();

    // The article's title and variants together: a question may combine words its variants
    // say separately. Worked out for the most promising articles only.
    const ranked: Ranked[] = this.mostPromising(touchedArticles).map((articleIndex) => {
      const unionRecall = Math.min(1, this.unionCover(articleIndex, inQuestions, slotEntries) / questionWeight);
      return { articleIndex, confidence: variantWeight * this.bestF1[articleIndex]! + (1 - variantWeight) * unionRecall, overlap: 0, coverage: unionRecall, classifier: 0, doc: this.bestDoc[articleIndex]!, fromAnswer: false };
    });
    for (const article of touchedArticles) this.bestDoc[article] = -1;
    for (const term of matchTerms) this.matchSlot[term] = 0;

    // Answers can lift an article only to `answerOnlyWeight`: skip them when a variant already does better.
    if (!ranked.some((entry) => entry.confidence >= answerOnlyWeight)) this.addAnswerMatches(ranked, uniqueTerms, language, questionWeight, allowed);
    blendWithClassifier(
      ranked,
      this.classifier.scores(parts, classifierCandidates),
      (articleIndex) => this.classOf[articleIndex]!,
      (cls) => this.classArticles[cls]!.find((article) => !allowed || allowed.has(this.articleLocale[article]!)),
      (articleIndex) => this.variantsOf(articleIndex),
    );
    const foreign = this.text ? this.blendWithText(ranked, uniqueTerms, allowed) : undefined;

    ranked.sort((a, b) => b.confidence - a.confidence);
    // One entry per slug, its best translation: the runner-up is another article, not the same one in another language.
    const seen = new Set<number>();
    const best = ranked.filter((entry) => !seen.has(this.classOf[entry.articleIndex]!) && !!seen.add(this.classOf[entry.articleIndex]!));
    return best.slice(0, options.limit ?? 5).map(({ articleIndex, confidence, overlap, coverage, classifier, text, doc, fromAnswer }, rank) => {
      const article = this.articleList[articleIndex]!;
      const table = fromAnswer ? this.answers : this.questions;
      const rival = best[rank === 0 ? 1 : 0]?.confidence ?? 0;
      const overlapMargin = overlap - bestOtherOverlap(best, rank);
      const signals = { blend: confidence, margin: confidence - rival, overlap, overlapMargin, coverage, classifier, unknown, variants: this.variantsOf(articleIndex), ...(text !== undefined ? { text } : {}), ...(foreign !== undefined ? { foreign } : {}) };
      return {
        articleId: article._id,
        slug: article.slug,
        locale: article.locale,
        title: article.title,
        confidence: Math.round(calibratedConfidence(signals, this.calibration) * 1000) / 1000,
        signals,
        matchedText: doc >= 0 ? table.texts[doc]! : article.title,
        matchedTerms: doc >= 0 ? [...matchTerms].filter((term) => table.has(doc, term)).map((term) => this.dictionary.text(term)) : [],
      };
    });
  }

  /** The whole-text BM25 indexes of the classes, one per language, from the terms already interned. */
  private buildTextIndex(): LanguageTextIndexes {
    const eachDoc = (table: DocTable, d: number, visit: (term: number) => void) => {
      for (let i = table.starts[d]!; i < table.starts[d + 1]!; i++) visit(table.terms[i]!);
    };
    return new LanguageTextIndexes(
      this.articleLocale,
      this.classArticles.length,
      this.dictionary.size,
      (locale, cls, visit) => {
        for (const index of this.classArticles[cls]!) {
          if (this.articleLocale[index] !== locale) continue;
          for (let d = this.articleFrom[index]!; d < this.articleTo[index]!; d++) eachDoc(this.questions, d, visit);
          eachDoc(this.answers, index, visit);
        }
      },
      (term) => (this.dictionary.firstOf(term) >= 0 ? null : this.dictionary.text(term)),
    );
  }

  /**
   * Blends each candidate's ranking score with its class's whole-text BM25 share
   * (`LanguageTextIndexes`, in the languages the question is read in) and adds the classes the text finds clearly that neither word
   * overlap nor the classifier did. Returns the question's share of words no article's text uses.
   */
  private blendWithText(ranked: Ranked[], uniqueTerms: string[], allowed: Set<Locale> | null): number {
    const text = this.text!;
    const foreign = text.score(uniqueTerms.filter((term) => !term.includes('_')).map((word) => ({ word, term: this.dictionary.id(word) })), allowed);
    const present = new Set<number>();
    for (const entry of ranked) {
      const cls = this.classOf[entry.articleIndex]!;
      present.add(cls);
      entry.text = text.share(cls);
      entry.confidence = (entry.confidence + textWeight * entry.text) / (1 + textWeight);
    }
    for (const cls of text.clearlyFound(textOnlyShare, textOnlyCandidates)) {
      if (present.has(cls)) continue;
      const article = this.classArticles[cls]!.find((index) => !allowed || allowed.has(this.articleLocale[index]!));
      const share = text.share(cls);
      if (article !== undefined) ranked.push({ articleIndex: article, confidence: (textWeight * share) / (1 + textWeight), overlap: 0, coverage: 0, classifier: 0, text: share, doc: -1, fromAnswer: false });
    }
    text.reset();
    return foreign;
  }

  /** How many titles and question variants the article has, in all its translations (what its classifier class learnt from). */
  private variantsOf(articleIndex: number): number {
    return this.classExamples[this.classOf[articleIndex]!]!;
  }

  /** The `unionCandidates` articles with the highest lower bound, in the order they were found among equals. */
  private mostPromising(touchedArticles: number[]): number[] {
    if (touchedArticles.length <= unionCandidates) return [...touchedArticles].sort((a, b) => this.lowerBound[b]! - this.lowerBound[a]!);
    const bounds = Float64Array.from(touchedArticles, (article) => this.lowerBound[article]!).sort();
    const cutoff = bounds[bounds.length - unionCandidates]!;
    return touchedArticles
      .filter((article) => this.lowerBound[article]! >= cutoff)
      .sort((a, b) => this.lowerBound[b]! - this.lowerBound[a]!)
      .slice(0, unionCandidates);
  }

  /** The idf-weighted share of the query terms that any of the article's title and variants holds. */
  private unionCover(articleIndex: number, inQuestions: QueryTerm[], slotEntries: number[][]): number {
    const cover = new Float64Array(inQuestions.length);
    const { terms, starts } = this.questions;
    for (let i = starts[this.articleFrom[articleIndex]!]!; i < starts[this.articleTo[articleIndex]!]!; i++) {
      const slot = this.matchSlot[terms[i]!]!;
      if (slot === 0) continue;
      const entries = slotEntries[slot - 1]!;
      for (let e = 0; e < entries.length; e += 2) if (entries[e + 1]! > cover[entries[e]!]!) cover[entries[e]!] = entries[e + 1]!;
    }
    let covered = 0;
    for (let q = 0; q < inQuestions.length; q++) covered += inQuestions[q]!.idf * cover[q]!;
    return covered;
  }

  /** Lifts or adds articles whose answer text covers the question, to at most `answerOnlyWeight`. */
  private addAnswerMatches(ranked: Ranked[], uniqueTerms: string[], language: Locale, questionWeight: number, allowed: Set<Locale> | null): void {
    // Built on first use: most questions never reach the answers.
    this.answerLookupCache ??= this.lookupsFor(this.answers);
    const inAnswers = this.queryTerms(uniqueTerms, language, this.answers, this.answerLookupCache);
    const scratch = this.answerScratch;
    this.walk(inAnswers, this.answers, scratch, allowed);
    const byArticle = new Map<number, { confidence: number; doc: number }>();
    for (let i = 0; i < scratch.count; i++) {
      const d = scratch.touched[i]!;
      const article = this.answers.articleOf[d]!;
      const confidence = answerOnlyWeight * Math.min(1, scratch.recall[d]! / questionWeight);
      if ((byArticle.get(article)?.confidence ?? 0) < confidence) byArticle.set(article, { confidence, doc: d });
    }
    scratch.reset();
    for (const entry of ranked) {
      const fromAnswer = byArticle.get(entry.articleIndex);
      if (fromAnswer && fromAnswer.confidence > entry.confidence) Object.assign(entry, fromAnswer, { fromAnswer: true });
      byArticle.delete(entry.articleIndex);
    }
    for (const [articleIndex, { confidence, doc }] of byArticle) ranked.push({ articleIndex, confidence, overlap: 0, coverage: 0, classifier: 0, doc, fromAnswer: true });
  }

  /**
   * Adds up, per document, the idf-weighted question terms it contains (recall) and the
   * idf of its words that matched (precision). Rare words walk their posting lists, rarest
   * first; a word in a large share of the documents ("how", "bao") only adds to documents
   * rarer words found, which keeps a query fast on a large knowledge base.
   */
  private walk(terms: QueryTerm[], table: DocTable, scratch: QueryScratch, allowed: Set<Locale> | null): void {
    const { recall, matched, lastTerm, touched } = scratch;
    const { postings, postingStarts, articleOf } = table;
    const order = terms.map((queryTerm, termIndex) => ({ termIndex, size: queryTerm.postings })).sort((a, b) => a.size - b.size);
    for (const [rank, { termIndex, size }] of order.entries()) {
      const queryTerm = terms[termIndex]!;
      const mark = termIndex + 1;
      const onlyTouched = size > commonPostings && rank > 0 && scratch.count > 0;
      // Exact matches come first, so a document holding the word itself counts at full weight.
      for (const match of queryTerm.matches) {
        const end = postingStarts[match.term + 1]!;
        for (let i = postingStarts[match.term]!; i < end; i++) {
          const d = postings[i]!;
          const last = lastTerm[d]!;
          if (last === mark || (onlyTouched && last === 0)) continue;
          if (allowed && !allowed.has(this.articleLocale[articleOf[d]!]!)) continue;
          if (last === 0) touched[scratch.count++] = d;
          lastTerm[d] = mark;
          recall[d]! += queryTerm.idf * match.weight;
          matched[d]! += match.idf;
        }
      }
    }
  }

  /**
   * Each query word with the index words that stand for it: itself when known (weight 1),
   * and, for words of four letters or more, known words one edit away and words it starts
   * (typos, inflections, words cut short) at a lower weight.
   */
  private queryTerms(terms: string[], language: Locale, table: DocTable, lookup: WordLookups): QueryTerm[] {
    return terms.map((term) => {
      const id = this.dictionary.id(term);
      const exact: Match[] = id !== undefined && table.df(id) > 0 ? [{ term: id, weight: 1, idf: this.idfOf[id]! }] : [];
      // A few neighbours are enough; the rarest (most telling) first.
      const sameStem = term.includes('_') ? [] : lookup.stems.sameStem(term, language);
      const inflected = sameStem.map((word) => {
        const id = this.dictionary.id(word)!;
        return { term: id, weight: stemMatchWeight, idf: this.idfOf[id]! };
      });
      const neighbours = term.includes('_') ? [] : [...new Set([...lookup.terms.near(term), ...lookup.terms.completions(term, maxApproximate)])].filter((word) => !sameStem.includes(word));
      const approximate = neighbours
        .map((word) => {
          const neighbour = this.dictionary.id(word)!;
          return { term: neighbour, weight: approximateMatchWeight, idf: this.idfOf[neighbour]! };
        })
        .sort((a, b) => b.idf - a.idf)
        .slice(0, maxApproximate);
      const matches = [...exact, ...inflected.slice(0, maxApproximate), ...approximate];
      return { idf: this.idf(term), matches, postings: matches.reduce((sum, match) => sum + table.df(match.term), 0) };
    });
  }

  /**
   * How telling a word is in the titles and variants (the idf of its first term), or -1 when
   * they never use it; read in `language`, or in the index's language where it is most telling.
   */
  rarity(word: string, language?: Locale): number {
    return Math.max(-1, ...this.readingLanguages(language ? [language] : undefined).map((reading) => this.rarityIn(word, reading)));
  }

  private rarityIn(word: string, language: Locale): number {
    const [term] = termsOf(this.partsIn(word, language));
    const id = term === undefined ? undefined : this.dictionary.id(term);
    return id === undefined || this.questions.df(id) === 0 ? -1 : this.idfOf[id]!;
  }

  /** The share of the text's words (0–1), read in `locale`, that the index's articles in it (`bit`) use; 0 for a text without words. */
  private vocabularyShare(text: string, locale: Locale, bit: number): number {
    const { words } = this.partsIn(text, locale);
    return words.length === 0 ? 0 : words.filter((word) => (this.dictionary.localesOf(word) & bit) !== 0).length / words.length;
  }

  /**
   * The language whose knowledge-base words cover clearly most of the text, read in that
   * language (at least half of its words, and more than any other language), or null.
   */
  vocabularyLocale(text: string): Locale | null {
    const [first, second] = [...this.localeBits].map(([locale, bit]) => [locale, this.vocabularyShare(text, locale, bit)] as const).sort((a, b) => b[1] - a[1]);
    if (!first || first[1] < 0.5 || (second && second[1] === first[1])) return null;
    return first[0];
  }

  /** The share of the text's words (0–1), read in the locale, the knowledge base uses in it. */
  vocabularyCoverage(text: string, locale: Locale): number {
    const bit = this.localeBits.get(locale);
    return bit === undefined ? 0 : this.vocabularyShare(text, locale, bit);
  }

  private idf(term: string): number {
    const id = this.dictionary.id(term);
    return id === undefined ? this.unknownIdf : this.idfOf[id]!;
  }
}
