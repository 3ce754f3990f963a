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
import type { DocumentStore } from '../storage/document-store.js';
import { CsatAnswers } from './csat-answers.js';
import { CsatPromptRepository } from './csat-prompt-repository.js';
import { csatPromptJob, CsatScheduler } from './csat-scheduler.js';
import { csatExpireJob, CsatSender } from './csat-sender.js';

/**
 * Wires CSAT surveys: the scheduler listens to events, the sender runs as jobs of
 * `jobRunner`, and `answers` is the engine's hook for replies to an open survey.
 */
export function createCsatSurveys(deps: {
  config: Config;
  repositories: { conversations: ConversationRepository; customers: CustomerRepository; messages: MessageRepository; jobs: JobQueue; csat: CsatRepository };
  store: DocumentStore;
  channels: ChannelRegistry;
  dispatcher: MessageDispatcher;
  events: EventBus;
  jobRunner: JobRunner;
}) {
  const { config, repositories } = deps;
  const prompts = new CsatPromptRepository(deps.store);
  new CsatScheduler(config.csat, repositories.jobs).listen(deps.events);
  const sender = new CsatSender({
    config,
    conversations: repositories.conversations,
    customers: repositories.customers,
    messages: repositories.messages,
    prompts,
    channels: deps.channels,
    dispatcher: deps.dispatcher,
    jobs: repositories.jobs,
  });
  deps.jobRunner.register(csatPromptJob, (job, now) => sender.run(job, now)).register(csatExpireJob, (job) => sender.expire(job));
  return { prompts, sender, answers: new CsatAnswers(prompts, repositories.csat) };
}
