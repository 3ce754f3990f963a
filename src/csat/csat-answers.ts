import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Reply } from '../outbox/message-dispatcher.js';
import type { Customer } from '../customers/customer.js';
import { PromptAnswers, type AnswerFields } from '../surveys/prompt-answers.js';
import type { CsatPrompt } from './csat-prompt.js';
import type { CsatResponse } from './csat-response.js';
import { csatPhrases, ratingButtons, skipCommentPayload } from './csat-phrases.js';
import { parseRating, parseRatingWithComment } from './parse-rating.js';

/**
 * Lets an open survey take a customer message that answers it, before the answer policy
 * runs (`CsatAnswers` implements it; the engine knows nothing else of surveys).
 */
export interface PendingPromptCheck {
  /** The replies to send when the message answered the prompt; null to handle it as usual. */
  claim(turn: { conversation: Conversation; customer: Customer; message: Message }): Promise<Reply[] | null>;
}

/**
 * Reads customers' answers to open surveys, for the engine (which asks before its answer
 * policy): a rating by button or in words (unclear → asked once more), then an optional
 * comment. Anything else — a new question, another button — is left to the bot.
 * Stored in `csat_responses` with what was recorded when the survey was triggered.
 * Only an answer on the channel that asked counts: the same (linked) customer writing "5"
 * elsewhere gets an ordinary reply, since the buttons live on the asking channel and a bare
 * number in another conversation more likely means something else.
 */
export class CsatAnswers extends PromptAnswers<CsatPrompt, Omit<CsatResponse, '_id'>> implements PendingPromptCheck {
  protected readonly phrases = csatPhrases;
  protected readonly skipCommentPayload = skipCommentPayload;

  protected async answer(prompt: CsatPrompt, message: Message, now: Date): Promise<Reply[] | null> {
    const rating = parseRatingWithComment(message.text, message.payload);
    if (rating) return this.scored(prompt, rating.score, rating.comment, now);
    return this.unclear(prompt, message, { kind: 'rating', text: csatPhrases[prompt.locale].askAgain, buttons: ratingButtons(prompt.locale), locale: prompt.locale });
  }

  protected response(_prompt: CsatPrompt, fields: AnswerFields): Omit<CsatResponse, '_id'> {
    return fields;
  }

  protected isScore(_prompt: CsatPrompt, text: string, payload: string | undefined): boolean {
    return parseRating(text, payload) !== null;
  }
}
