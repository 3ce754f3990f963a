/** An article the model was given to word an answer from. */
export interface SourceArticle {
  slug: string;
  title: string;
  answer: string;
}

/** What the model's reply means, after checking it against the articles it was given. */
export type CheckedWording =
  | { kind: 'worded'; slug: string; text: string }
  | { kind: 'refused' }
  | { kind: 'rejected'; reason: string };

/** What the model must reply when the articles do not answer the question. */
export const refusalToken = 'NO_ANSWER';

const citation = /\[\s*source\s*:\s*([^\]\s]+)\s*\]/gi;
const numbers = /\d+(?:[.,:]\d+)*/g;
const links = /\b(?:https?:\/\/|www\.)[^\s)\]>]+/gi;
const maxLength = 4000;

const digitsOf = (text: string) => new Set([...text.matchAll(numbers)].map(([found]) => found.replace(/\D/g, '')));
const linksOf = (text: string) => [...text.matchAll(links)].map(([found]) => found.replace(/[.,;:!?]+$/, ''));

/**
 * Checks the model's reply against the articles it was given, so that it cannot slip in
 * what they do not say: it must be the refusal token, or cite (`[source: slug]`) only
 * articles it was given, and every number and link in it must appear in those articles (or
 * in the customer's question). Anything else is rejected and the offline article answer is
 * used instead. The citations are stripped; the engine shows the cited article's title and
 * help-center link with the text.
 */
export function checkWording(reply: string, articles: SourceArticle[], question: string): CheckedWording {
  const text = reply.trim();
  if (text.replace(/[\s.!"'`*]/g, '').toUpperCase() === refusalToken) return { kind: 'refused' };
  if (text.length === 0) return { kind: 'rejected', reason: 'empty reply' };
  if (text.length > maxLength) return { kind: 'rejected', reason: `reply longer than ${maxLength} characters` };
  const cited = [...text.matchAll(citation)].map(([, slug]) => slug!.toLowerCase());
  if (cited.length === 0) return { kind: 'rejected', reason: 'cites no article' };
  const given = new Map(articles.map((article) => [article.slug, article]));
  const unknown = cited.find((slug) => !given.has(slug));
  if (unknown) return { kind: 'rejected', reason: `cites an article it was not given (${unknown})` };
  const body = text.replace(citation, '').replace(/[ \t]+\n/g, '\n').trim();
  if (body.length === 0 || body.toUpperCase().includes(refusalToken)) return { kind: 'rejected', reason: 'no answer text beside the citation' };
  const sources = [...new Set(cited)].map((slug) => given.get(slug)!);
  const evidence = [question, ...sources.map((article) => `${article.title}\n${article.answer}`)].join('\n');
  const knownDigits = digitsOf(evidence);
  const invented = [...digitsOf(body)].find((digits) => !knownDigits.has(digits));
  if (invented) return { kind: 'rejected', reason: `a number the cited articles do not contain (${invented})` };
  const inventedLink = linksOf(body).find((link) => !evidence.includes(link));
  if (inventedLink) return { kind: 'rejected', reason: `a link the cited articles do not contain (${inventedLink})` };
  return { kind: 'worded', slug: cited[0]!, text: body };
}
