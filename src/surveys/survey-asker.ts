import { fillBusiness, type BusinessProfile } from '../config/business-profile.js';
import type { Locale } from '../config/config-schema.js';
import type { Conversation } from '../conversations/conversation.js';
import type { Job } from '../jobs/job.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { MessageDispatcher, Reply } from '../outbox/message-dispatcher.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import type { SurveyOccasion, SurveySkipReason } from './survey-prompt.js';
import type { SurveyPromptRepository } from './survey-prompt-repository.js';
import { surveyPhrases } from './survey-phrases.js';
import { scaleButtons, surveyScales, type NpsOrCes } from './survey-scale.js';

/** The job that closes an NPS or CES survey nobody answered. */
export const surveyExpireJob = 'survey.expire';

/** The NPS or CES question in `locale`, for `business`, with one button per score. */
export function surveyQuestion(kind: NpsOrCes, locale: Locale, business: BusinessProfile): Reply {
  return { kind: 'rating', text: fillBusiness(surveyPhrases[locale].question[kind], business, locale), buttons: scaleButtons(kind), locale };
}

/** "Please choose a number from 0 to 10", with the buttons again. */
export function surveyAskAgain(kind: NpsOrCes, locale: Locale): Reply {
  const { min, max } = surveyScales[kind];
  const text = surveyPhrases[locale].askAgain.replace('{min}', String(min)).replace('{max}', String(max));
  return { kind: 'rating', text, buttons: scaleButtons(kind), locale };
}

/**
 * Asks the NPS or CES question of a conversation the survey rule picked it for (see
 * `chooseSurvey`), or records why it was skipped; runs inside the `csat.prompt` job, which
 * has decided that the conversation should be surveyed. The survey is recorded before it is
 * sent: a crash in between loses one survey rather than asking twice.
 */
export class SurveyAsker {
  constructor(
    private readonly deps: {
      prompts: SurveyPromptRepository;
      dispatcher: MessageDispatcher;
      jobs: JobQueue;
      business: BusinessProfile;
      expireHours: number;
    },
  ) {}

  /** Asks (or records the skip); returns what it did. */
  async ask(kind: NpsOrCes, occasion: SurveyOccasion, conversation: Conversation, now: Date, skipReason: SurveySkipReason | null): Promise<string> {
    const expiresAt = new Date(now.getTime() + this.deps.expireHours * 3_600_000);
    let promptId: string;
    try {
      const status = skipReason ? { status: 'skipped' as const, skipReason } : { status: 'prompted' as const, promptedAt: now, expiresAt };
      promptId = (await this.deps.prompts.create({ ...occasion, kind, ...status }))._id;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return 'already_surveyed';
      throw error;
    }
    if (skipReason) return skipReason;
    await this.deps.dispatcher.deliver(conversation, { kind: 'bot' }, surveyQuestion(kind, occasion.locale, this.deps.business));
    await this.deps.jobs.schedule({ type: surveyExpireJob, dueAt: expiresAt, payload: { promptId } });
    return `prompted_${kind}`;
  }

  /** The `survey.expire` job handler: an unanswered survey (or comment request) is closed. */
  async expire(job: Job): Promise<string> {
    const promptId = String(job.payload.promptId);
    if (await this.deps.prompts.advance(promptId, 'prompted', { $set: { status: 'expired' } })) return 'expired';
    if (await this.deps.prompts.advance(promptId, 'rated', { $set: { status: 'done' } })) return 'comment_window_closed';
    return 'already_answered';
  }
}
