import type { ChannelRegistry } from '../core/channel-registry.js';
import type { Config } from '../config/config-schema.js';
import type { MessageDispatcher } from '../outbox/message-dispatcher.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { CsatRepository } from './csat-repository.js';
import type { SurveyPromptRepository } from '../surveys/survey-prompt-repository.js';
import type { SurveyRepository } from '../surveys/survey-repository.js';
import { SurveyAnswers } from '../surveys/survey-answers.js';
import { SurveyAsker, surveyExpireJob } from '../surveys/survey-asker.js';
import { SurveyFatigue } from '../surveys/survey-fatigue.js';
import { CsatAnswers, type PendingPromptCheck } from './csat-answers.js';
import type { CsatPromptRepository } from './csat-prompt-repository.js';
import { csatPromptJob, CsatScheduler } from './csat-scheduler.js';
import { csatExpireJob, CsatSender } from './csat-sender.js';

/** Asks each check in turn; the first that claims the message answers it. */
const firstClaim = (checks: PendingPromptCheck[]): PendingPromptCheck => ({
  async claim(turn) {
    for (const check of checks) {
      const replies = await check.claim(turn);
      if (replies) return replies;
    }
    return null;
  },
});

/**
 * Wires the surveys (CSAT, NPS, CES): the scheduler listens to events, the sender runs as
 * jobs of `jobRunner` and picks the kind, and `answers` is the engine's hook for replies to
 * an open survey of any kind.
 */
export function createCsatSurveys(deps: {
  config: Config;
  repositories: {
    conversations: ConversationRepository;
    customers: CustomerRepository;
    messages: MessageRepository;
    jobs: JobQueue;
    csat: CsatRepository;
    csatPrompts: CsatPromptRepository;
    surveys: SurveyRepository;
    surveyPrompts: SurveyPromptRepository;
  };
  channels: ChannelRegistry;
  dispatcher: MessageDispatcher;
  events: EventBus;
  jobRunner: JobRunner;
}) {
  const { config, repositories } = deps;
  const prompts = repositories.csatPrompts;
  new CsatScheduler(config, repositories.jobs).listen(deps.events);
  const fatigue = new SurveyFatigue([prompts, repositories.surveyPrompts], repositories.surveyPrompts, { minDaysBetween: config.csat.minDaysBetweenSurveys, npsIntervalDays: config.surveys.npsIntervalDays });
  const asker = new SurveyAsker({ prompts: repositories.surveyPrompts, dispatcher: deps.dispatcher, jobs: repositories.jobs, business: config.business, expireHours: config.csat.expireHours });
  const sender = new CsatSender({
    config,
    conversations: repositories.conversations,
    customers: repositories.customers,
    messages: repositories.messages,
    prompts,
    channels: deps.channels,
    dispatcher: deps.dispatcher,
    jobs: repositories.jobs,
    fatigue,
    asker,
  });
  deps.jobRunner
    .register(csatPromptJob, (job, now) => sender.run(job, now))
    .register(csatExpireJob, (job) => sender.expire(job))
    .register(surveyExpireJob, (job) => asker.expire(job));
  const answers = firstClaim([new SurveyAnswers(repositories.surveyPrompts, repositories.surveys), new CsatAnswers(prompts, repositories.csat)]);
  return { prompts, sender, answers };
}
