import type { Message } from '../../conversations/message.js';
import { clusterTerms, cosine, TermWeights } from './term-vectors.js';
import type { ContentGap } from './content-gap.js';
import { clusterThreshold } from './cluster-questions.js';
import { foldDiacritics } from '../../knowledge/text/fold-diacritics.js';
import type { AskedCount } from '../editor-documents.js';

/** A question's text as gaps compare it: trimmed, lower-case, without accents. */
export function foldedText(text: string): string {
  return foldDiacritics(text.normalize('NFKC').toLowerCase().trim());
}

/** A question a customer typed and whether the bot's next reply answered it with an article. */
export interface AskedQuestion {
  text: string;
  /** The text's clustering terms, split once for every gap it is compared with. */
  terms: { term: string; share: number }[];
  at: Date;
  answered: boolean;
  articleId?: string;
}


/**
 * Pairs each typed customer message with the bot's replies up to the next customer
 * message in the same conversation: answered when one of them carries an article.
 */
export function askedQuestions(messages: readonly Message[]): AskedQuestion[] {
  const open = new Map<string, AskedQuestion>();
  const asked: AskedQuestion[] = [];
  for (const message of messages) {
    if (message.author.kind === 'customer') {
      open.delete(message.conversationId);
      if (message.payload || !message.text.trim()) continue;
      const question: AskedQuestion = { text: message.text, terms: clusterTerms(message.text), at: message.createdAt, answered: false };
      open.set(message.conversationId, question);
      asked.push(question);
    } else if (message.author.kind === 'bot' && message.articleId) {
      const question = open.get(message.conversationId);
      if (question && !question.answered) Object.assign(question, { answered: true, articleId: message.articleId });
    }
  }
  return asked;
}

/** How long before its log entry a logged question may have been written. */
export const logLagMs = 60_000;

/**
 * Before and after a gap was closed: questions of the gap's kind (similar to its signature
 * as in clustering) asked from the gap's first question until it was closed, and since.
 */
export function gapOutcome(gap: ContentGap, asked: readonly AskedQuestion[], articleIds: ReadonlySet<string>): { before: AskedCount; after: AskedCount } {
  const weights = TermWeights.fromJSON(gap);
  const signature = new Map(Object.entries(gap.signature));
  const before: AskedCount = { asked: 0, answered: 0, answeredWithArticle: 0 };
  const after: AskedCount = { asked: 0, answered: 0, answeredWithArticle: 0 };
  const texts = new Set(gap.texts);
  for (const question of asked) {
    // The log entry is written a moment after the customer's message it logs.
    if (question.at.getTime() < gap.firstAt.getTime() - logLagMs) continue;
    const ofThatKind = texts.has(foldedText(question.text)) || cosine(weights.vectorOf(question.terms), signature) >= clusterThreshold;
    if (!ofThatKind) continue;
    const period = question.at < gap.at ? before : after;
    period.asked++;
    if (question.answered) period.answered++;
    if (question.articleId && articleIds.has(question.articleId)) period.answeredWithArticle++;
  }
  return { before, after };
}
