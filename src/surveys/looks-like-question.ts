import { foldDiacritics } from '../knowledge/text/fold-diacritics.js';

/** Answers to a survey are short: a longer message is a question or a story, not a score. */
export const maxAnswerWords = 8;

const questionWords = /(^|\s)(bao nhieu|bao lau|the nao|lam sao|o dau|khi nao|tai sao|co .* khong|what|how|when|where|why|which|can i|do you|does|is there|jak|kdy|kde|proc|kolik|muzu)(\s|$)/;

/**
 * Whether a message that is not a rating reads like a new question (a question mark or a
 * question word in any supported language), so it goes to the bot instead of "please rate".
 * `long` (the default) also counts a message of more than eight words as one: a long message
 * answering "how satisfied were you?" is a story or a question; answering "any comment?" it
 * is the comment (`long: false`).
 */
export function looksLikeQuestion(text: string, { long = true }: { long?: boolean } = {}): boolean {
  const folded = foldDiacritics(text.toLowerCase());
  return /[?？]/.test(text) || /吗|怎么|什么|多少|哪|几/.test(text) || questionWords.test(folded) || (long && folded.split(/\s+/).length > maxAnswerWords);
}
