import type { ChannelRegistry } from '../channels/channel-registry.js';
import type { Config } from '../config/config-schema.js';
import type { MessageDispatcher } from '../conversations/message-dispatcher.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { Services } from '../services.js';
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
  services: Services;
  store: DocumentStore;
  channels: ChannelRegistry;
  dispatcher: MessageDispatcher;
  events: EventBus;
  jobRunner: JobRunner;
}) {
  const { config, services } = deps;
  const prompts = new CsatPromptRepository(deps.store);
  new CsatScheduler(config.csat, services.jobs).listen(deps.events);
  const sender = new CsatSender({
    config,
    conversations: services.conversations,
    customers: services.customers,
    messages: services.messages,
    prompts,
    channels: deps.channels,
    dispatcher: deps.dispatcher,
    jobs: services.jobs,
  });
  deps.jobRunner.register(csatPromptJob, (job, now) => sender.run(job, now)).register(csatExpireJob, (job) => sender.expire(job));
  return { prompts, sender, answers: new CsatAnswers(prompts, services.csat) };
}
