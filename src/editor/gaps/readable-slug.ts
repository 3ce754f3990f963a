import { foldDiacritics } from '../../knowledge/text/fold-diacritics.js';
import { clusterTerms } from './term-vectors.js';

/** How telling a word is for an article id: rare across the knowledge base's articles (0 for a word every article uses). */
export type WordRarity = (term: string) => number;

const maxWords = 3;
// A word in at least this share of the cluster's questions (relative to the most shared word) can name it.
const sharedEnough = 0.75;
// And it must be at least this telling relative to the most telling one.
const tellingEnough = 0.5;

const wordsOf = (text: string): string[] => clusterTerms(text).filter((entry) => !entry.term.includes('_')).map((entry) => entry.term);
const ascii = (term: string): string => foldDiacritics(term).toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Rarity of words over articles (each article's title and variants one document): the
 * phrasing every question shares ("như thế nào", "how", "bao nhiêu") weighs little, the
 * subject ("đổi trả", "gift") a lot.
 */
export function articleWordRarity(articles: readonly { title: string; questions: readonly string[] }[]): WordRarity {
  const articlesWith = new Map<string, number>();
  for (const article of articles) for (const term of new Set([article.title, ...article.questions].flatMap(wordsOf))) articlesWith.set(term, (articlesWith.get(term) ?? 0) + 1);
  const total = articles.length;
  return (term) => Math.log((1 + total) / (1 + (articlesWith.get(term) ?? 0)));
}

/**
 * A short kebab-case id for the article a cluster of questions asks for: up to three of the
 * words most of its questions share and the knowledge base rarely uses, ASCII-folded, in the
 * order `title` says them. "đổi trả hàng như thế nào" + "muốn đổi trả hàng thì làm gì" →
 * `doi-tra`; "do you sell gift cards?" … → `gift-card`. Null when no word folds to ASCII
 * (a Chinese cluster).
 */
export function readableSlug(texts: readonly string[], title: string, rarity: WordRarity): string | null {
  const share = new Map<string, number>();
  for (const text of texts) for (const term of new Set(wordsOf(text).filter((word) => ascii(word)))) share.set(term, (share.get(term) ?? 0) + 1 / texts.length);
  const mostShared = Math.max(0, ...share.values());
  const scored = [...share].filter(([, part]) => part >= mostShared * sharedEnough).map(([term, part]) => ({ term, score: part * rarity(term) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  const chosen = scored
    .filter((entry) => entry.score >= best * tellingEnough)
    .sort((a, b) => b.score - a.score)
    .slice(0, maxWords);
  if (chosen.length === 0) return null;
  const order = wordsOf(title);
  const position = (term: string) => (order.includes(term) ? order.indexOf(term) : order.length);
  return [...new Set(chosen.sort((a, b) => position(a.term) - position(b.term)).map((entry) => ascii(entry.term)))].join('-');
}

/** `slug`, or `slug-2`, `slug-3`… when an article already has it. */
export function unusedSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let number = 2;
  while (taken.has(`${slug}-${number}`)) number++;
  return `${slug}-${number}`;
}
