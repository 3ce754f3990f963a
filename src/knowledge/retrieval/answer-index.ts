import MiniSearch from 'minisearch';
import type { Locale } from '../../config/config-schema.js';
import { tokenize } from '../text/tokenize.js';

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

interface ArticleEvidence {
  variantF1: number;
  variantText: string;
  /** Per question term, the best coverage (1 exact, less if approximate) in any title or variant. */
  termCover: Map<string, number>;
  answerRecall: number;
  matchedTerms: Set<string>;
}

interface IndexedDoc {
  id: string;
  articleId: string;
  kind: 'question' | 'answer';
  text: string;
}

// A question covered only by an article's answer text is at best worth a clarification.
const answerOnlyWeight = 0.55;
// The best single variant's fit against all of the article's variants together.
const variantWeight = 0.5;
// A term found only by typo tolerance or as a prefix counts for less than an exact one.
const approximateMatchWeight = 0.75;

/**
 * The offline answer index: MiniSearch (BM25, typo tolerance, prefixes) finds candidates
 * among every title, question variant and answer; the confidence is an F1 of how much of
 * the question's information (idf-weighted terms) the best variant covers and how much of
 * the variant the question covers, blended with how much of the question the article's
 * title and variants cover together; an answer-only match counts for less. Unknown words weigh like the rarest known ones, so
 * questions about things the knowledge base never mentions score low. The scale does not
 * depend on the size of the knowledge base, so thresholds keep their meaning.
 */
export class AnswerIndex {
  private readonly search: MiniSearch<IndexedDoc>;
  private readonly articles = new Map<string, IndexableArticle>();
  private readonly docTerms = new Map<string, Set<string>>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly vocabulary = new Map<Locale, Set<string>>();
  private questionDocs = 0;

  constructor(articles: Iterable<IndexableArticle>) {
    this.search = new MiniSearch<IndexedDoc>({
      fields: ['text'],
      storeFields: ['articleId', 'kind', 'text'],
      tokenize,
      processTerm: (term) => term,
      searchOptions: {
        tokenize,
        processTerm: (term) => term,
        fuzzy: (term) => (term.includes('_') || term.length < 4 ? false : term.length < 7 ? 1 : 2),
        prefix: (term) => !term.includes('_') && term.length >= 4,
        weights: { fuzzy: 0.6, prefix: 0.7 },
      },
    });
    const docs: IndexedDoc[] = [];
    for (const article of articles) {
      this.articles.set(article._id, article);
      const words = this.vocabulary.get(article.locale) ?? new Set<string>();
      for (const text of [article.title, ...article.questions, article.answer]) for (const term of tokenize(text)) if (!term.includes('_')) words.add(term);
      this.vocabulary.set(article.locale, words);
      [article.title, ...article.questions].forEach((text, i) => docs.push({ id: `${article._id}|q${i}`, articleId: article._id, kind: 'question', text }));
      docs.push({ id: `${article._id}|a`, articleId: article._id, kind: 'answer', text: article.answer });
    }
    for (const doc of docs) {
      const terms = new Set(tokenize(doc.text));
      this.docTerms.set(doc.id, terms);
      if (doc.kind !== 'question') continue;
      this.questionDocs++;
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.search.addAll(docs);
  }

  get size(): number {
    return this.articles.size;
  }

  /** Ranked candidates for a question, best first, from articles in `locales` (all when omitted). */
  query(question: string, options: { locales?: readonly Locale[]; limit?: number } = {}): Candidate[] {
    const queryTerms = [...new Set(tokenize(question))];
    if (queryTerms.length === 0) return [];
    const allowed = options.locales ? new Set(options.locales) : null;
    const questionWeight = queryTerms.reduce((sum, term) => sum + this.idf(term), 0);
    const results = this.search.search(question, {
      filter: (result) => !allowed || allowed.has(this.articles.get(result.articleId as string)!.locale),
    });
    const evidence = new Map<string, ArticleEvidence>();
    for (const result of results.slice(0, 300)) {
      const terms = this.docTerms.get(result.id as string)!;
      const articleId = result.articleId as string;
      const entry = evidence.get(articleId) ?? { variantF1: 0, variantText: '', termCover: new Map<string, number>(), answerRecall: 0, matchedTerms: new Set<string>() };
      evidence.set(articleId, entry);
      // How much of the question this document covers, each term weighted by its idf.
      const cover = result.queryTerms.map((term) => [term, terms.has(term) ? 1 : approximateMatchWeight] as const);
      const covered = cover.reduce((sum, [term, weight]) => sum + this.idf(term) * weight, 0);
      const recall = Math.min(1, covered / questionWeight);
      for (const term of result.terms) entry.matchedTerms.add(term);
      if (result.kind === 'answer') {
        entry.answerRecall = Math.max(entry.answerRecall, recall);
        if (!entry.variantText) entry.variantText = result.text as string;
        continue;
      }
      for (const [term, weight] of cover) entry.termCover.set(term, Math.max(entry.termCover.get(term) ?? 0, weight));
      const docWeight = [...terms].reduce((sum, term) => sum + this.idf(term), 0);
      const precision = docWeight > 0 ? Math.min(1, result.terms.reduce((sum, term) => sum + this.idf(term), 0) / docWeight) : 0;
      const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
      if (f1 > entry.variantF1) Object.assign(entry, { variantF1: f1, variantText: result.text as string });
    }
    const best = new Map<string, Candidate>();
    for (const [articleId, entry] of evidence) {
      // The article's title and variants together: a question may combine words its variants say separately.
      const unionRecall = Math.min(1, [...entry.termCover].reduce((sum, [term, weight]) => sum + this.idf(term) * weight, 0) / questionWeight);
      const questionScore = entry.variantF1 > 0 ? variantWeight * entry.variantF1 + (1 - variantWeight) * unionRecall : 0;
      const confidence = Math.max(questionScore, answerOnlyWeight * entry.answerRecall);
      const article = this.articles.get(articleId)!;
      best.set(articleId, {
        articleId,
        slug: article.slug,
        locale: article.locale,
        title: article.title,
        confidence: Math.round(confidence * 1000) / 1000,
        matchedText: entry.variantText,
        matchedTerms: [...entry.matchedTerms],
      });
    }
    return [...best.values()].sort((a, b) => b.confidence - a.confidence).slice(0, options.limit ?? 5);
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
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.questionDocs + 1) / (df + 0.5));
  }
}
