import type { Message } from '../conversations/message.js';
import type { Reply } from '../outbox/message-dispatcher.js';
import { isDecline, parseScore, parseScoreWithComment } from './parse-score.js';
import { PromptAnswers, type AnswerFields } from './prompt-answers.js';
import { surveyAskAgain } from './survey-asker.js';
import type { SurveyPrompt } from './survey-prompt.js';
import type { SurveyResponse } from './survey-response.js';
import { surveyPhrases } from './survey-phrases.js';
import { skipSurveyCommentPayload } from './survey-scale.js';

/**
 * Reads answers to an open NPS or CES survey, for the engine (beside CSAT's `CsatAnswers`):
 * a score by button or typed (digits, "9/10", number words; unclear → asked once more; "no,
 * thanks" closes it), then an optional comment, or both in one message ("8, fast delivery
 * but rude courier"). Stored in `survey_responses`. Anything else — a question, another
 * button — is left to the bot. Only an answer on the channel that asked counts.
 */
export class SurveyAnswers extends PromptAnswers<SurveyPrompt, Omit<SurveyResponse, '_id'>> {
  protected readonly phrases = surveyPhrases;
  protected readonly skipCommentPayload = skipSurveyCommentPayload;

  protected async answer(prompt: SurveyPrompt, message: Message, now: Date): Promise<Reply[] | null> {
    const answer = parseScoreWithComment(prompt.kind, message.text, message.payload);
    if (answer) return this.scored(prompt, answer.score, answer.comment, now);
    if (message.payload === undefined && isDecline(message.text)) {
      return (await this.prompts.advance(prompt._id, 'prompted', { $set: { status: 'declined' } })) ? [{ text: surveyPhrases[prompt.locale].thanks, locale: prompt.locale }] : null;
    }
    return this.unclear(prompt, message, surveyAskAgain(prompt.kind, prompt.locale));
  }

  protected response(prompt: SurveyPrompt, fields: AnswerFields): Omit<SurveyResponse, '_id'> {
    return { kind: prompt.kind, ...fields };
  }

  protected isScore(prompt: SurveyPrompt, text: string, payload: string | undefined): boolean {
    return parseScore(prompt.kind, text, payload) !== null;
  }
}
