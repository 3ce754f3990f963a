import type { Locale } from '../config/config-schema.js';
import type { Article } from './article.js';
import type { ArticleRepository } from './article-repository.js';
import { AnswerIndex, type Candidate } from './retrieval/answer-index.js';
import { questionPart } from './question-part.js';
import type { SynonymList, SynonymSource } from './synonyms/synonyms.js';

/** An article candidate grouped over its translations: the best-matching language wins. */
export interface ArticleCandidate extends Candidate {
  /** Languages the article exists in. */
  locales: Locale[];
}

/**
 * Makes the answer index of a set of published articles and synonyms. The default builds a
 * fresh one; a caller that starts many knowledge bases over the same articles (the tests)
 * may hand back an index it built before for exactly these articles (same ids and texts).
 */
export type AnswerIndexBuilder = (articles: readonly Article[], synonyms: readonly SynonymList[]) => AnswerIndex;

const buildAnswerIndex: AnswerIndexBuilder = (articles, synonyms) => new AnswerIndex(articles, { synonyms });

/**
 * The published knowledge base in memory: the answer index plus every translation by slug.
 * `reload()` swaps in a fresh index built from the store, so published edits answer at once.
 */
export class KnowledgeBase {
  private index: AnswerIndex;
  private bySlug: Map<string, Map<Locale, Article>>;
  private readonly reloadListeners: ((articles: Article[]) => void)[] = [];

  private training: Promise<void>;

  /** A large knowledge base answers at once from word overlap while its classifier trains (`ready`). */
  constructor(
    articles: Article[] = [],
    synonyms: SynonymList[] = [],
    private readonly buildIndex: AnswerIndexBuilder = buildAnswerIndex,
  ) {
    ({ index: this.index, bySlug: this.bySlug } = this.build(articles, synonyms));
    this.training = this.index.trainClassifier();
  }

  /** Resolves when the current index's article classifier is trained. */
  async ready(): Promise<void> {
    await this.training;
  }

  /**
   * Rebuilds from the store's published articles and swaps the new index in once its
   * classifier is trained (the old one answers meanwhile); returns how many were indexed.
   * The published synonyms, when a source is given, apply to the new index.
   */
  async reload(repository: ArticleRepository, synonyms?: SynonymSource): Promise<number> {
    const articles = await repository.published();
    const { index, bySlug } = this.build(articles, synonyms ? await synonyms.published() : []);
    await index.trainClassifier();
    this.index = index;
    this.bySlug = bySlug;
    this.training = Promise.resolve();
    for (const listener of this.reloadListeners) listener(articles);
    return articles.length;
  }

  /** Calls `listener` with the published articles after every reload (e.g. to refresh their embeddings). */
  onReload(listener: (articles: Article[]) => void): void {
    this.reloadListeners.push(listener);
  }

  /** An indexed article by its stored id (the transcript names the article the bot answered with by it), or null. */
  byId(id: string): Article | null {
    for (const translations of this.bySlug.values()) for (const article of translations.values()) if (article._id === id) return article;
    return null;
  }

  /** Every indexed article (all translations). */
  articles(): Article[] {
    return [...this.bySlug.values()].flatMap((translations) => [...translations.values()]);
  }

  get size(): number {
    return this.index.size;
  }

  /**
   * Ranked articles for a question across all languages, one entry per article (slug),
   * best first. `languages` are the languages the question may be in (the detected one; or,
   * when the detector hesitates, several): it is read in each, with that language's
   * abbreviations and synonyms, and the most confident reading is kept (`AnswerIndex.query`);
   * by default every language of the knowledge base. Matching every language's articles lets
   * "bao hanh" find Vietnamese even when the language detector hesitates.
   */
  query(question: string, limit = 5, languages?: readonly Locale[]): ArticleCandidate[] {
    const seen = new Set<string>();
    const results: ArticleCandidate[] = [];
    for (const candidate of this.ranked(question, limit * 4, languages)) {
      if (seen.has(candidate.slug)) continue;
      seen.add(candidate.slug);
      results.push({ ...candidate, locales: [...(this.bySlug.get(candidate.slug)?.keys() ?? [])] });
      if (results.length === limit) break;
    }
    return results;
  }

  /**
   * The index's candidates for the whole message or, for a long message that tells a story
   * first, for its question sentence alone (`questionPart`) when that finds an article more
   * surely.
   */
  private ranked(question: string, limit: number, languages: readonly Locale[] | undefined): Candidate[] {
    const options = { limit, ...(languages ? { languages } : {}) };
    const whole = this.index.query(question, options);
    const part = questionPart(question);
    if (!part) return whole;
    const asked = this.index.query(part, options);
    return (asked[0]?.confidence ?? 0) > (whole[0]?.confidence ?? 0) ? asked : whole;
  }

  /** The article in `locale`, else in `fallback`, else in any language; null if unknown. */
  article(slug: string, locale: Locale, fallback: Locale): Article | null {
    const translations = this.bySlug.get(slug);
    if (!translations) return null;
    return translations.get(locale) ?? translations.get(fallback) ?? translations.values().next().value ?? null;
  }

  /** The languages an article exists in. */
  translations(slug: string): Locale[] {
    return [...(this.bySlug.get(slug)?.keys() ?? [])];
  }

  /** How the current index's article classifier was trained (null while it prepares). */
  get classifierStats(): AnswerIndex['classifierStats'] {
    return this.index.classifierStats;
  }

  /** How the current index fitted its own confidence calibration (null until fitted). */
  get calibrationFit(): AnswerIndex['calibrationFit'] {
    return this.index.calibrationFit;
  }

  /** Which language's knowledge-base words the text matches clearly, if any. */
  vocabularyLocale(text: string): Locale | null {
    return this.index.vocabularyLocale(text);
  }

  /** The share of the text's words (0–1) the knowledge-base words use in the locale. */
  vocabularyCoverage(text: string, locale: Locale): number {
    return this.index.vocabularyCoverage(text, locale);
  }

  private build(articles: Article[], synonyms: SynonymList[]): { index: AnswerIndex; bySlug: Map<string, Map<Locale, Article>> } {
    const bySlug = new Map<string, Map<Locale, Article>>();
    for (const article of articles) {
      const translations = bySlug.get(article.slug) ?? new Map<Locale, Article>();
      translations.set(article.locale, article);
      bySlug.set(article.slug, translations);
    }
    return { index: this.buildIndex(articles, synonyms), bySlug };
  }
}
