import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Customer } from '../customers/customer.js';
import type { Reply } from '../outbox/message-dispatcher.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { looksLikeQuestion } from './looks-like-question.js';
import { isDecline, parseScore, parseScoreWithComment } from './parse-score.js';
import { surveyAskAgain } from './survey-asker.js';
import type { SurveyPrompt } from './survey-prompt.js';
import type { SurveyPromptRepository } from './survey-prompt-repository.js';
import type { SurveyRepository } from './survey-repository.js';
import { surveyPhrases } from './survey-phrases.js';
import { skipSurveyCommentPayload } from './survey-scale.js';

// After a score, a comment is taken for this long.
const commentWindowMs = 60 * 60_000;

type Turn = { conversation: Conversation; customer: Customer; message: Message };

/**
 * Reads answers to an open NPS or CES survey, for the engine (beside CSAT's `CsatAnswers`):
 * a score by button or typed (digits, "9/10", number words; unclear → asked once more; "no,
 * thanks" closes it), then an optional comment, or both in one message ("8, fast delivery
 * but rude courier"). Stored in `survey_responses`. Anything else — a question, another
 * button — is left to the bot. Only an answer on the channel that asked counts.
 */
export class SurveyAnswers {
  constructor(
    private readonly prompts: SurveyPromptRepository,
    private readonly responses: SurveyRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The replies when the message answered an open survey; null to handle it as usual. */
  async claim({ conversation, customer, message }: Turn): Promise<Reply[] | null> {
    const now = this.now();
    const prompt = await this.prompts.open(customer._id, conversation.channel, now);
    if (!prompt) return null;
    return prompt.status === 'prompted' ? this.score(prompt, message, now) : this.comment(prompt, message);
  }

  private async score(prompt: SurveyPrompt, message: Message, now: Date): Promise<Reply[] | null> {
    const phrases = surveyPhrases[prompt.locale];
    const answer = parseScoreWithComment(prompt.kind, message.text, message.payload);
    if (!answer) {
      if (message.payload === undefined && isDecline(message.text)) {
        return (await this.prompts.advance(prompt._id, 'prompted', { $set: { status: 'declined' } })) ? [{ text: phrases.thanks, locale: prompt.locale }] : null;
      }
      const isSomethingElse = message.payload !== undefined || looksLikeQuestion(message.text) || prompt.unclear > 0;
      if (isSomethingElse || !(await this.prompts.advance(prompt._id, 'prompted', { $inc: { unclear: 1 } }))) return null;
      return [surveyAskAgain(prompt.kind, prompt.locale)];
    }
    const comment = answer.comment?.slice(0, 4000);
    const update = { status: comment ? 'done' : 'rated', score: answer.score, answeredAt: now, expiresAt: new Date(now.getTime() + commentWindowMs) };
    if (!(await this.prompts.advance(prompt._id, 'prompted', { $set: update }))) return null;
    await this.store(prompt, answer.score, comment, now);
    if (comment) return [{ text: phrases.thanks, locale: prompt.locale }];
    return [{ kind: 'choices', text: phrases.commentPrompt, buttons: [{ label: phrases.skipComment, payload: skipSurveyCommentPayload }], locale: prompt.locale }];
  }

  private async store(prompt: SurveyPrompt, score: number, comment: string | undefined, now: Date): Promise<void> {
    const { kind, conversationId, ticketId, customerId, channel, agentId, handledBy, segment, locale } = prompt;
    try {
      await this.responses.record({
        kind, score, conversationId, customerId, channel, handledBy, segment, locale,
        ...(ticketId ? { ticketId } : {}),
        ...(agentId ? { agentId } : {}),
        ...(comment ? { comment } : {}),
        promptedAt: prompt.promptedAt ?? now,
        answeredAt: now,
      });
    } catch (error) {
      // A second delivery of the same answer: stored once.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }

  private async comment(prompt: SurveyPrompt, message: Message): Promise<Reply[] | null> {
    const text = message.text.trim();
    const skipped = message.payload === skipSurveyCommentPayload || (message.payload === undefined && isDecline(text));
    // Asked for a comment, a long message is the comment, not a new question.
    const isComment = message.payload === undefined && text !== '' && !skipped && !looksLikeQuestion(text, { long: false });
    if (!(await this.prompts.advance(prompt._id, 'rated', { $set: { status: 'done' } }))) return null;
    if (isComment) await this.responses.addComment(prompt.conversationId, text.slice(0, 4000));
    const answered = isComment || skipped || parseScore(prompt.kind, text, message.payload) !== null;
    return answered ? [{ text: surveyPhrases[prompt.locale].thanks, locale: prompt.locale }] : null;
  }
}
