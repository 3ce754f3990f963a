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

interface IndexedDoc {
  id: string;
  articleId: string;
  kind: 'question' | 'answer';
  text: string;
}

// A question covered only by an article's answer text is at best worth a clarification.
const answerOnlyWeight = 0.55;
// A term found only by typo tolerance or as a prefix counts for less than an exact one.
const approximateMatchWeight = 0.75;

/**
 * The offline answer index: MiniSearch (BM25, typo tolerance, prefixes) finds candidates
 * among every title, question variant and answer; the confidence is an F1 of how much of
 * the question's information (idf-weighted terms) the best variant covers and how much of
 * the variant the question covers. Unknown words weigh like the rarest known ones, so
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
    const best = new Map<string, Candidate>();
    const results = this.search.search(question, {
      filter: (result) => !allowed || allowed.has(this.articles.get(result.articleId as string)!.locale),
    });
    for (const result of results.slice(0, 200)) {
      const terms = this.docTerms.get(result.id as string)!;
      const covered = result.queryTerms.reduce((sum, term) => sum + this.idf(term) * (terms.has(term) ? 1 : approximateMatchWeight), 0);
      const recall = Math.min(1, covered / questionWeight);
      const docWeight = [...terms].reduce((sum, term) => sum + this.idf(term), 0);
      const precision = docWeight > 0 ? Math.min(1, result.terms.reduce((sum, term) => sum + this.idf(term), 0) / docWeight) : 0;
      const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
      const confidence = result.kind === 'answer' ? answerOnlyWeight * recall : f1;
      const article = this.articles.get(result.articleId as string)!;
      const previous = best.get(article._id);
      if (previous && previous.confidence >= confidence) continue;
      best.set(article._id, {
        articleId: article._id,
        slug: article.slug,
        locale: article.locale,
        title: article.title,
        confidence: Math.round(confidence * 1000) / 1000,
        matchedText: result.text as string,
        matchedTerms: result.terms,
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
