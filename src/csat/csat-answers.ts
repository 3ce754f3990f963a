import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Reply } from '../outbox/message-dispatcher.js';
import type { Customer } from '../customers/customer.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import type { CsatPrompt } from './csat-prompt.js';
import type { CsatPromptRepository } from './csat-prompt-repository.js';
import type { CsatRepository } from './csat-repository.js';
import { isDecline } from '../surveys/parse-score.js';
import { csatPhrases, ratingButtons, skipCommentPayload } from './csat-phrases.js';
import { looksLikeQuestion, parseRating, parseRatingWithComment } from './parse-rating.js';

// After a rating, a comment is taken for this long.
const commentWindowMs = 60 * 60_000;

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
export class CsatAnswers implements PendingPromptCheck {
  constructor(
    private readonly prompts: CsatPromptRepository,
    private readonly responses: CsatRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async claim({ conversation, customer, message }: { conversation: Conversation; customer: Customer; message: Message }): Promise<Reply[] | null> {
    const now = this.now();
    const prompt = await this.prompts.open(customer._id, conversation.channel, now);
    if (!prompt) return null;
    return prompt.status === 'prompted' ? this.rating(prompt, message, now) : this.comment(prompt, message);
  }

  private async rating(prompt: CsatPrompt, message: Message, now: Date): Promise<Reply[] | null> {
    const phrases = csatPhrases[prompt.locale];
    const rating = parseRatingWithComment(message.text, message.payload);
    const score = rating?.score ?? null;
    if (score === null) {
      const isSomethingElse = message.payload !== undefined || looksLikeQuestion(message.text) || prompt.unclear > 0;
      if (isSomethingElse) return null;
      if (!(await this.prompts.advance(prompt._id, 'prompted', { $inc: { unclear: 1 } }))) return null;
      return [{ kind: 'rating', text: phrases.askAgain, buttons: ratingButtons(prompt.locale), locale: prompt.locale }];
    }
    // A comment written with the rating ends the survey; otherwise one is asked for.
    const comment = rating?.comment?.slice(0, 4000);
    const rated = await this.prompts.advance(prompt._id, 'prompted', { $set: { status: comment ? 'done' : 'rated', score, answeredAt: now, expiresAt: new Date(now.getTime() + commentWindowMs) } });
    if (!rated) return null;
    try {
      await this.responses.record({
        conversationId: prompt.conversationId,
        ...(prompt.ticketId ? { ticketId: prompt.ticketId } : {}),
        customerId: prompt.customerId,
        score,
        ...(prompt.agentId ? { agentId: prompt.agentId } : {}),
        handledBy: prompt.handledBy,
        channel: prompt.channel,
        locale: prompt.locale,
        segment: prompt.segment,
        promptedAt: prompt.promptedAt ?? now,
        answeredAt: now,
        ...(comment ? { comment } : {}),
      });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    if (comment) return [{ text: phrases.thanks, locale: prompt.locale }];
    return [{ kind: 'choices', text: phrases.commentPrompt, buttons: [{ label: phrases.skipComment, payload: skipCommentPayload }], locale: prompt.locale }];
  }

  private async comment(prompt: CsatPrompt, message: Message): Promise<Reply[] | null> {
    const phrases = csatPhrases[prompt.locale];
    const text = message.text.trim();
    // Asked for a comment, a long message is the comment, not a new question; "không, cảm ơn" typed is the skip button's words, not a comment.
    const declined = message.payload === undefined && isDecline(text);
    const isComment = message.payload === undefined && text !== '' && !declined && !looksLikeQuestion(text, { long: false });
    const done = await this.prompts.advance(prompt._id, 'rated', { $set: { status: 'done' } });
    if (!done) return null;
    if (isComment) await this.responses.addComment(prompt.conversationId, text.slice(0, 4000));
    const answered = isComment || declined || message.payload === skipCommentPayload || parseRating(text, message.payload) !== null;
    return answered ? [{ text: phrases.thanks, locale: prompt.locale }] : null;
  }
}
