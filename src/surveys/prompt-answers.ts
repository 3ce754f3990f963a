import type { z } from 'zod';
import type { Locale } from '../config/config-schema.js';
import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Customer } from '../customers/customer.js';
import type { Reply } from '../outbox/message-dispatcher.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { looksLikeQuestion } from './looks-like-question.js';
import { isDecline } from './parse-score.js';
import type { PromptRepository } from './prompt-repository.js';
import type { SurveyOccasion, surveyProgressSchema } from './survey-prompt.js';

// After a score, a comment is taken for this long.
const commentWindowMs = 60 * 60_000;

/** A prompt of any survey kind that can be answered: its occasion, its progress and a status. */
export type AnswerablePrompt = SurveyOccasion & z.infer<typeof surveyProgressSchema> & { status: string };

/** What a stored answer of any kind records from its prompt, its score and comment. */
export type AnswerFields = Pick<SurveyOccasion, 'conversationId' | 'ticketId' | 'customerId' | 'agentId' | 'handledBy' | 'channel' | 'locale' | 'segment'> & {
  score: number;
  comment?: string;
  promptedAt: Date;
  answeredAt: Date;
};

/** Where one kind's answers are stored (`CsatRepository`, `SurveyRepository`). */
export interface AnswerStore<R> {
  /** Stores an answer; a second one for the same conversation throws `DuplicateKeyError`. */
  record(input: R): Promise<unknown>;
  addComment(conversationId: string, comment: string): Promise<void>;
}

/** The words of the comment step, in one language. */
export interface CommentPhrases {
  commentPrompt: string;
  skipComment: string;
  thanks: string;
}

/**
 * Reads answers to one kind's open survey, for the engine (`CsatAnswers`, `SurveyAnswers`):
 * the kind reads the score (`answer`); a score is stored and a comment asked for, unless one
 * came with it; the comment step takes a comment, the skip button or "no, thanks". Only an
 * answer on the channel that asked counts.
 */
export abstract class PromptAnswers<P extends AnswerablePrompt, R> {
  /** The phrases of the comment step per locale. */
  protected abstract readonly phrases: Record<Locale, CommentPhrases>;
  /** The payload of the button that skips the comment. */
  protected abstract readonly skipCommentPayload: string;

  constructor(
    protected readonly prompts: PromptRepository<P>,
    private readonly responses: AnswerStore<R>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The replies when the message answered an open survey; null to handle it as usual. */
  async claim({ conversation, customer, message }: { conversation: Conversation; customer: Customer; message: Message }): Promise<Reply[] | null> {
    const now = this.now();
    const prompt = await this.prompts.open(customer._id, conversation.channel, now);
    if (!prompt) return null;
    return prompt.status === 'prompted' ? this.answer(prompt, message, now) : this.comment(prompt, message);
  }

  /** The replies to a message while the survey waits for its score (see `unclear`, `scored`). */
  protected abstract answer(prompt: P, message: Message, now: Date): Promise<Reply[] | null>;

  /** The stored answer of this kind. */
  protected abstract response(prompt: P, fields: AnswerFields): R;

  /** Whether a message to the comment step is a score again (answered, so thanked, not left to the bot). */
  protected abstract isScore(prompt: P, text: string, payload: string | undefined): boolean;

  /** No score in the message: asked once more (`askAgain`) the first time; a button, a question or a second miss is left to the bot. */
  protected async unclear(prompt: P, message: Message, askAgain: Reply): Promise<Reply[] | null> {
    const isSomethingElse = message.payload !== undefined || looksLikeQuestion(message.text) || prompt.unclear > 0;
    if (isSomethingElse || !(await this.prompts.advance(prompt._id, 'prompted', { $inc: { unclear: 1 } }))) return null;
    return [askAgain];
  }

  /** A score: stored, then a comment asked for; a comment written with the score ends the survey. */
  protected async scored(prompt: P, score: number, written: string | undefined, now: Date): Promise<Reply[] | null> {
    const comment = written?.slice(0, 4000);
    const update = { status: comment ? 'done' : 'rated', score, answeredAt: now, expiresAt: new Date(now.getTime() + commentWindowMs) };
    if (!(await this.prompts.advance(prompt._id, 'prompted', { $set: update }))) return null;
    const { conversationId, ticketId, customerId, agentId, handledBy, channel, locale, segment } = prompt;
    const fields: AnswerFields = {
      conversationId, customerId, score, handledBy, channel, locale, segment,
      ...(ticketId ? { ticketId } : {}),
      ...(agentId ? { agentId } : {}),
      ...(comment ? { comment } : {}),
      promptedAt: prompt.promptedAt ?? now,
      answeredAt: now,
    };
    try {
      await this.responses.record(this.response(prompt, fields));
    } catch (error) {
      // A second delivery of the same answer: stored once.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    const phrases = this.phrases[locale];
    if (comment) return [{ text: phrases.thanks, locale }];
    return [{ kind: 'choices', text: phrases.commentPrompt, buttons: [{ label: phrases.skipComment, payload: this.skipCommentPayload }], locale }];
  }

  private async comment(prompt: P, message: Message): Promise<Reply[] | null> {
    const text = message.text.trim();
    const skipped = message.payload === this.skipCommentPayload || (message.payload === undefined && isDecline(text));
    // Asked for a comment, a long message is the comment, not a new question; "không, cảm ơn" typed is the skip button's words, not a comment.
    const isComment = message.payload === undefined && text !== '' && !skipped && !looksLikeQuestion(text, { long: false });
    if (!(await this.prompts.advance(prompt._id, 'rated', { $set: { status: 'done' } }))) return null;
    if (isComment) await this.responses.addComment(prompt.conversationId, text.slice(0, 4000));
    const answered = isComment || skipped || this.isScore(prompt, text, message.payload);
    return answered ? [{ text: this.phrases[prompt.locale].thanks, locale: prompt.locale }] : null;
  }
}
