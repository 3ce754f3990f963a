import type { SurveyPromptRepository } from './survey-prompt-repository.js';

/** What one kind's store of surveys can tell (`CsatPromptRepository`, `SurveyPromptRepository`). */
export interface SurveyHistory {
  forConversation(conversationId: string): Promise<unknown>;
  promptedSince(customerId: string, since: Date): Promise<boolean>;
}

const dayMs = 86_400_000;

/**
 * The one fatigue rule of every survey kind and channel: a conversation is surveyed at most
 * once (by any kind), a customer is asked at most once in `minDaysBetween` days (0: no limit),
 * and the NPS question at most once in `npsIntervalDays`.
 */
export class SurveyFatigue {
  constructor(
    private readonly histories: readonly SurveyHistory[],
    private readonly surveyPrompts: SurveyPromptRepository,
    private readonly settings: { minDaysBetween: number; npsIntervalDays: number },
  ) {}

  /** Whether the conversation already has a survey (sent or skipped) of any kind. */
  async alreadySurveyed(conversationId: string): Promise<boolean> {
    for (const history of this.histories) if (await history.forConversation(conversationId)) return true;
    return false;
  }

  /** Whether the customer was asked any survey within `minDaysBetween` days of `now`. */
  async askedRecently(customerId: string, now: Date): Promise<boolean> {
    const days = this.settings.minDaysBetween;
    if (days === 0) return false;
    const since = new Date(now.getTime() - days * dayMs);
    for (const history of this.histories) if (await history.promptedSince(customerId, since)) return true;
    return false;
  }

  /** Whether the customer is due the NPS question: not asked it within `npsIntervalDays`. */
  async npsDue(customerId: string, now: Date): Promise<boolean> {
    return !(await this.surveyPrompts.promptedSince(customerId, new Date(now.getTime() - this.settings.npsIntervalDays * dayMs), 'nps'));
  }
}
