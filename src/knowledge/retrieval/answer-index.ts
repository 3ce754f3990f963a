import type { Locale } from '../../config/config-schema.js';
import { tokenize } from '../text/tokenize.js';
import { TermLookup } from './term-lookup.js';

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
}

interface IndexedDoc {
  articleIndex: number;
  text: string;
  termSet: Set<string>;
  /** The idf weight of all its terms. */
  weight: number;
  /** Its word pairs whose first word (of four letters or more) it also holds, with their idf. */
  pairs: { term: string; first: string; idf: number }[];
}

/** One query term and the index words that stand for it, with how much each counts. */
interface QueryTerm {
  idf: number;
  matches: { word: string; weight: number; idf: number }[];
  /** How many documents its words appear in, together. */
  postings: number;
}

/** Per-document sums of one query, reused across queries (reset after each). */
interface Scratch {
  recall: Float64Array;
  matched: Float64Array;
  lastTerm: Uint16Array;
}

function scratchFor(size: number): Scratch {
  return { recall: new Float64Array(size), matched: new Float64Array(size), lastTerm: new Uint16Array(size) };
}

// How many articles, by their best single variant, get the all-variants score worked out.
const unionCandidates = 60;

// A question covered only by an article's answer text is at best worth a clarification.
const answerOnlyWeight = 0.55;
// The best single variant's fit against all of the article's variants together.
const variantWeight = 0.5;
// A term found only by typo tolerance or as a prefix counts for less than an exact one.
const approximateMatchWeight = 0.75;
// Index words that may stand in for one query word by typo tolerance or as a completion.
const maxApproximate = 4;
// Query words whose documents number more than this are not walked (the rarest word always is):
// they only add to documents that rarer words found.
const commonPostings = 300;

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
 * Written for this scoring rather than on a search library: MiniSearch, used first, scores
 * every document of every posting list and expands every word by edit distance, which
 * took 0.3–0.9 s a query and 30 s to build at 10,000 articles (bench/results).
 */
export class AnswerIndex {
  private readonly articleList: IndexableArticle[] = [];
  private readonly questionDocs: IndexedDoc[] = [];
  private readonly answerDocs: IndexedDoc[] = [];
  private readonly questionPostings = new Map<string, number[]>();
  private readonly answerPostings = new Map<string, number[]>();
  private readonly vocabulary = new Map<Locale, Set<string>>();
  private readonly questionLookup: TermLookup;
  private answerLookupCache: TermLookup | null = null;
  /** Per article, the range of its title and variants in `questionDocs`. */
  private readonly articleDocs: [number, number][] = [];
  private readonly questionScratch: Scratch;
  private readonly idfCache = new Map<string, number>();
  private readonly answerScratch: Scratch;

  constructor(articles: Iterable<IndexableArticle>) {
    for (const article of articles) {
      const articleIndex = this.articleList.push(article) - 1;
      const words = this.vocabulary.get(article.locale) ?? new Set<string>();
      this.vocabulary.set(article.locale, words);
      const from = this.questionDocs.length;
      for (const text of [article.title, ...article.questions]) this.add(this.questionDocs, this.questionPostings, articleIndex, text, words, true);
      this.articleDocs.push([from, this.questionDocs.length]);
      this.add(this.answerDocs, this.answerPostings, articleIndex, article.answer, words, false);
    }
    for (const doc of this.questionDocs) {
      for (const term of doc.termSet) {
        doc.weight += this.idf(term);
        const cut = term.indexOf('_');
        if (cut >= 4 && doc.termSet.has(term.slice(0, cut))) doc.pairs.push({ term, first: term.slice(0, cut), idf: this.idf(term) });
      }
    }
    this.questionLookup = new TermLookup(this.questionPostings.keys());
    this.questionScratch = scratchFor(this.questionDocs.length);
    this.answerScratch = scratchFor(this.answerDocs.length);
  }

  private add(docs: IndexedDoc[], postings: Map<string, number[]>, articleIndex: number, text: string, words: Set<string>, withPairs: boolean): void {
    const terms = new Set<string>();
    // Answers are long: their word pairs would multiply the vocabulary for little gain.
    for (const term of tokenize(text, { compact: !withPairs })) terms.add(term);
    const docIndex = docs.push({ articleIndex, text, termSet: terms, weight: 0, pairs: [] }) - 1;
    for (const term of terms) {
      const list = postings.get(term);
      if (list) list.push(docIndex);
      else postings.set(term, [docIndex]);
      if (!term.includes('_')) words.add(term);
    }
  }

  get size(): number {
    return this.articleList.length;
  }

  /** Ranked candidates for a question, best first, from articles in `locales` (all when omitted). */
  query(question: string, options: { locales?: readonly Locale[]; limit?: number } = {}): Candidate[] {
    const uniqueTerms = [...new Set(tokenize(question))];
    if (uniqueTerms.length === 0) return [];
    const allowed = options.locales ? new Set(options.locales) : null;
    const isAllowed = (articleIndex: number) => !allowed || allowed.has(this.articleList[articleIndex]!.locale);
    const questionWeight = uniqueTerms.reduce((sum, term) => sum + this.idf(term), 0);

    // Titles and variants: per document, how much of the question it covers (recall) and
    // how much of itself the question covers (precision).
    const inQuestions = this.queryTerms(uniqueTerms, this.questionPostings, this.questionLookup);
    const { recall: docRecall, matched: docMatched, touched } = this.walk(inQuestions, this.questionDocs, this.questionPostings, this.questionScratch, isAllowed);
    const matchWords = new Set(inQuestions.flatMap((queryTerm) => queryTerm.matches.map((match) => match.word)));
    const best = new Map<number, { f1: number; doc: number; lowerBound: number }>();
    for (const docIndex of touched) {
      const doc = this.questionDocs[docIndex]!;
      // A variant's word pairs that start with a matched word count as covered too, so the
      // pairs of a long variant do not make the question look like a small part of it.
      let matched = docMatched[docIndex]!;
      for (const pair of doc.pairs) if (matchWords.has(pair.first) && !matchWords.has(pair.term)) matched += pair.idf;
      const recall = Math.min(1, docRecall[docIndex]! / questionWeight);
      const precision = doc.weight > 0 ? Math.min(1, matched / doc.weight) : 0;
      const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
      const lowerBound = variantWeight * f1 + (1 - variantWeight) * recall;
      const current = best.get(doc.articleIndex);
      if (!current) best.set(doc.articleIndex, { f1, doc: docIndex, lowerBound });
      else {
        if (f1 > current.f1) Object.assign(current, { f1, doc: docIndex });
        current.lowerBound = Math.max(current.lowerBound, lowerBound);
      }
    }
    this.reset(this.questionScratch, touched);

    // The article's title and variants together: a question may combine words its variants
    // say separately. Worked out for the most promising articles only.
    const ranked: { articleIndex: number; confidence: number; doc: IndexedDoc | undefined }[] = [...best]
      .sort((a, b) => b[1].lowerBound - a[1].lowerBound)
      .slice(0, unionCandidates)
      .map(([articleIndex, { f1, doc }]) => {
        const [from, to] = this.articleDocs[articleIndex]!;
        let covered = 0;
        for (const queryTerm of inQuestions) {
          let cover = 0;
          for (let docIndex = from; docIndex < to && cover < 1; docIndex++) for (const match of queryTerm.matches) if (match.weight > cover && this.questionDocs[docIndex]!.termSet.has(match.word)) cover = match.weight;
          covered += queryTerm.idf * cover;
        }
        const unionRecall = Math.min(1, covered / questionWeight);
        return { articleIndex, confidence: variantWeight * f1 + (1 - variantWeight) * unionRecall, doc: this.questionDocs[doc] };
      });

    // Answers can lift an article only to `answerOnlyWeight`: skip them when a variant already does better.
    if (!ranked.some((entry) => entry.confidence >= answerOnlyWeight)) {
      // Built on first use: most questions never reach the answers.
      this.answerLookupCache ??= new TermLookup(this.answerPostings.keys());
      const inAnswers = this.queryTerms(uniqueTerms, this.answerPostings, this.answerLookupCache);
      const walked = this.walk(inAnswers, this.answerDocs, this.answerPostings, this.answerScratch, isAllowed);
      const byArticle = new Map<number, { confidence: number; doc: IndexedDoc }>();
      for (const docIndex of walked.touched) {
        const doc = this.answerDocs[docIndex]!;
        const confidence = answerOnlyWeight * Math.min(1, walked.recall[docIndex]! / questionWeight);
        if ((byArticle.get(doc.articleIndex)?.confidence ?? 0) < confidence) byArticle.set(doc.articleIndex, { confidence, doc });
      }
      this.reset(this.answerScratch, walked.touched);
      for (const entry of ranked) {
        const fromAnswer = byArticle.get(entry.articleIndex);
        if (fromAnswer && fromAnswer.confidence > entry.confidence) Object.assign(entry, fromAnswer);
        byArticle.delete(entry.articleIndex);
      }
      for (const [articleIndex, { confidence, doc }] of byArticle) ranked.push({ articleIndex, confidence, doc });
    }

    ranked.sort((a, b) => b.confidence - a.confidence);
    return ranked.slice(0, options.limit ?? 5).map(({ articleIndex, confidence, doc }) => {
      const article = this.articleList[articleIndex]!;
      return {
        articleId: article._id,
        slug: article.slug,
        locale: article.locale,
        title: article.title,
        confidence: Math.round(confidence * 1000) / 1000,
        matchedText: doc?.text ?? article.title,
        matchedTerms: doc ? [...matchWords].filter((word) => doc.termSet.has(word)) : [],
      };
    });
  }

  /**
   * Adds up, per document, the idf-weighted question terms it contains (recall) and the
   * idf of its words that matched (precision). Rare words walk their posting lists, rarest
   * first; a word in a large share of the documents ("how", "bao") only adds to documents
   * rarer words found, which keeps a query fast on a large knowledge base.
   */
  private walk(terms: QueryTerm[], docs: IndexedDoc[], postings: Map<string, number[]>, scratch: Scratch, isAllowed: (articleIndex: number) => boolean) {
    const { recall, matched, lastTerm } = scratch;
    const touched: number[] = [];
    const count = (docIndex: number, termIndex: number, match: QueryTerm['matches'][number]) => {
      if (lastTerm[docIndex] === termIndex + 1 || !isAllowed(docs[docIndex]!.articleIndex)) return;
      if (lastTerm[docIndex] === 0) touched.push(docIndex);
      lastTerm[docIndex] = termIndex + 1;
      recall[docIndex]! += terms[termIndex]!.idf * match.weight;
      matched[docIndex]! += match.idf;
    };
    const order = terms.map((queryTerm, termIndex) => ({ termIndex, size: queryTerm.postings })).sort((a, b) => a.size - b.size);
    const commonFrom = commonPostings;
    for (const [rank, { termIndex, size }] of order.entries()) {
      const queryTerm = terms[termIndex]!;
      if (size > commonFrom && rank > 0 && touched.length > 0) {
        for (const docIndex of [...touched]) {
          const match = queryTerm.matches.find(({ word }) => docs[docIndex]!.termSet.has(word));
          if (match) count(docIndex, termIndex, match);
        }
        continue;
      }
      // Exact matches come first, so a document holding the word itself counts at full weight.
      for (const match of queryTerm.matches) for (const docIndex of postings.get(match.word)!) count(docIndex, termIndex, match);
    }
    return { recall, matched, touched };
  }

  private reset(scratch: Scratch, touched: number[]): void {
    for (const docIndex of touched) {
      scratch.recall[docIndex] = 0;
      scratch.matched[docIndex] = 0;
      scratch.lastTerm[docIndex] = 0;
    }
  }

  /**
   * Each query word with the index words that stand for it: itself when known (weight 1),
   * and, for words of four letters or more, known words one edit away and words it starts
   * (typos, inflections, words cut short) at a lower weight.
   */
  private queryTerms(terms: string[], postings: Map<string, number[]>, lookup: TermLookup): QueryTerm[] {
    return terms.map((term) => {
      const exact = postings.has(term) ? [{ word: term, weight: 1, idf: this.idf(term) }] : [];
      // A few neighbours are enough; the rarest (most telling) first.
      const neighbours = term.includes('_') ? [] : [...new Set([...lookup.near(term), ...lookup.completions(term, maxApproximate)])];
      const approximate = neighbours
        .map((word) => ({ word, weight: approximateMatchWeight, idf: this.idf(word) }))
        .sort((a, b) => b.idf - a.idf)
        .slice(0, maxApproximate);
      const matches = [...exact, ...approximate];
      return { idf: this.idf(term), matches, postings: matches.reduce((sum, match) => sum + postings.get(match.word)!.length, 0) };
    });
  }

  /**
   * The language whose knowledge-base words cover clearly most of the text (at least half
   * of its words, and more than any other language), or null.
   */
  vocabularyLocale(text: string): Locale | null {
    const words = tokenize(text).filter((term) => !term.includes('_'));
    if (words.length === 0) return null;
    const scores = [...this.vocabulary].map(([locale, known]) => ({ locale, hits: words.filter((word) => known.has(word)).length })).sort((a, b) => b.hits - a.hits);
    const [first, second] = scores;
    if (!first || first.hits * 2 < words.length || (second && second.hits === first.hits)) return null;
    return first.locale;
  }

  private idf(term: string): number {
    // Asked only once the index is built, so the answer never changes: remembered per term.
    let idf = this.idfCache.get(term);
    if (idf === undefined) {
      const df = this.questionPostings.get(term)?.length ?? 0;
      idf = Math.log(1 + (this.questionDocs.length + 1) / (df + 0.5));
      if (this.idfCache.size < 500_000) this.idfCache.set(term, idf);
    }
    return idf;
  }
}
