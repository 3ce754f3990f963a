import type { Server } from 'node:http';
import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import { LoginThrottle } from '../accounts/login-throttle.js';
import { SessionRepository } from '../accounts/session-repository.js';
import { createBotFramework } from '../channels/botframework/bot-framework.js';
import { ChannelRegistry } from '../core/channel-registry.js';
import { metaPlatforms } from '../channels/meta/meta-platforms.js';
import { RestChannel } from '../channels/rest/rest-channel.js';
import { whatsappStatusRecorder } from '../channels/whatsapp/whatsapp-statuses.js';
import { WebchatChannel } from '../channels/webchat/webchat-channel.js';
import { WebchatInbox } from '../channels/webchat/webchat-inbox.js';
import { attachWebchatSocket } from '../channels/webchat/webchat-socket.js';
import { zaloRoutes } from '../channels/zalo/zalo-routes.js';
import { createZalo } from '../channels/zalo/zalo-setup.js';
import type { Config } from '../config/config-schema.js';
import { MessageDispatcher } from '../outbox/message-dispatcher.js';
import { createCsatSurveys } from '../csat/csat-surveys.js';
import { AnswerPolicy } from '../engine/answer-policy.js';
import { ConversationEngine } from '../engine/conversation-engine.js';
import { EventBus } from '../events/event-bus.js';
import { AgentDesk } from '../handoff/agent-desk.js';
import { AgentPresence } from '../handoff/agent-presence.js';
import { AutoAssigner } from '../handoff/auto-assigner.js';
import { Handoff } from '../handoff/handoff.js';
import { WaitingMessages } from '../handoff/waiting-messages.js';
import { HandoffRepair } from '../handoff/handoff-repair.js';
import { answerClientErrors } from '../http/answer-client-errors.js';
import { clientAddressOf } from '../http/client-address.js';
import { createApp } from './create-app.js';
import { PublicRateLimits } from '../http/public-rate-limits.js';
import { IntentMatcher } from '../intents/intent-matcher.js';
import { readIntentFiles } from '../intents/read-intent-files.js';
import { readArticleFiles, type FileProblem } from '../knowledge/files/read-article-files.js';
import { seedArticles } from '../knowledge/files/seed-articles.js';
import { readSynonymFiles } from '../knowledge/synonyms/read-synonym-files.js';
import { seedSynonyms } from '../knowledge/synonyms/synonym-sync.js';
import { createEditor } from '../editor/create-editor.js';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { QuestionLog } from '../knowledge/question-log.js';
import { JobRunner } from '../jobs/job-runner.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { ConversationFacts } from '../reports/conversation-facts.js';
import { createServices } from './services.js';
import type { DocumentStore } from '../storage/document-store.js';

export interface CarelineDeps {
  config: Config;
  store: DocumentStore;
  logger: Logger;
  /** The Telegram bot client, made by `main.ts` when TELEGRAM_BOT_TOKEN is set; enables the channel. */
  telegramBot?: Telegraf | null;
  /** The OpenAI client, made by `main.ts` when OpenAI is configured; enables hybrid ranking and grounded wording. */
  openai?: OpenAI | null;
}

/** What loading the knowledge base at start-up did. */
export interface KnowledgeLoadReport {
  files: number;
  added: number;
  indexed: number;
  problems: FileProblem[];
}

/**
 * Builds the whole product over an initialized store: reads intents (a bad intent file
 * throws `IntentFileError`), seeds the store from the knowledge-base files, articles and
 * synonyms (bad files are reported and skipped; what the store has wins), indexes the
 * published articles with the synonyms, wires the engine, the channels
 * and the HTTP app. `main.ts` and the tests both start Careline through this.
 */
export async function createCareline({ config, store, logger, telegramBot, openai }: CarelineDeps) {
  const services = createServices(store);
  const events = new EventBus((event, error) => logger.error({ err: error, event }, 'an event listener failed'));
  const intents = new IntentMatcher(readIntentFiles(config.intentsDir));

  const files = readArticleFiles(config.knowledgeBaseDir);
  const { added } = await seedArticles(files.articles, services.articles);
  const synonymFiles = readSynonymFiles(config.knowledgeBaseDir);
  await seedSynonyms(synonymFiles.lists, services.synonyms);
  const knowledge = new KnowledgeBase();
  const indexed = await knowledge.reload(services.articles, services.synonyms);
  const problems = [...files.problems, ...synonymFiles.problems];
  const knowledgeReport: KnowledgeLoadReport = { files: files.articles.length, added, indexed, problems };
  for (const problem of problems) logger.warn(problem, `knowledge-base file skipped: ${problem.path}: ${problem.field}: ${problem.message}`);

  const webchat = new WebchatChannel();
  const channels = new ChannelRegistry([new RestChannel()]);
  if (config.channels.webchat.enabled) channels.register(webchat);
  const meta = metaPlatforms(config);
  for (const channel of meta.channels) channels.register(channel);
  const zalo = createZalo(config.channels.zalo, store);
  if (zalo) channels.register(zalo.channel);
  const botframework = await createBotFramework({ config, store, logger, intents });
  if (botframework) channels.register(botframework.channel);
  // telegraf is loaded only when Telegram is enabled.
  const telegramWiring = telegramBot ? await import('../channels/telegram/telegram-wiring.js') : null;
  if (telegramBot && telegramWiring) channels.register(new telegramWiring.TelegramChannel(telegramBot.telegram));

  const outboxWorker = new OutboxWorker({
    outbox: services.outbox,
    channels,
    logger,
    settings: config.outbox,
    // Delivery receipts (WhatsApp statuses) name the message by the platform's id.
    onSent: async (entry, receipt) => {
      const messageId = entry.message.messageId;
      if (messageId && receipt.platformMessageId && receipt.platformMessageId !== messageId) await services.messages.setPlatformMessageId(messageId, receipt.platformMessageId);
    },
  });
  const dispatcher = new MessageDispatcher(services.messages, channels, events, logger, outboxWorker);
  const presence = new AgentPresence();
  const handoff = new Handoff(config, services.tickets, services.conversations, events, presence);
  const questions = new QuestionLog(store);
  const policy = new AnswerPolicy(config, knowledge, intents);
  // The editor's "try it" and the benchmark keep the offline policy; customers get the model-aware one when configured.
  // Like telegraf, the openai client's code is loaded only when OpenAI is configured.
  const modelAssist = openai ? (await import('../engine/create-model-assist.js')).createModelAssist({ client: openai, config, store, knowledge, offline: policy, logger }) : null;
  const jobRunner = new JobRunner(services.jobs, { logger });
  new ConversationFacts(services.conversations).listen(events);
  const surveys = createCsatSurveys({ config, repositories: services, store, channels, dispatcher, events, jobRunner });
  // Without PUBLIC_URL the base is known only once the server listens (the port may be 0).
  let publicBase = config.publicUrl ?? `http://localhost:${config.port}`;
  const engine = new ConversationEngine({
    config,
    log: services.log,
    messages: services.messages,
    conversations: services.conversations,
    policy: modelAssist?.policy ?? policy,
    knowledge,
    intents,
    handoff,
    waiting: new WaitingMessages({ tickets: services.tickets, customers: services.customers, handoff }),
    customers: services.customers,
    questions,
    dispatcher,
    events,
    surveys: surveys.answers,
    articleUrl: (slug, locale) => `${publicBase}/help/${slug}?lang=${locale}`,
  });
  const desk = new AgentDesk(services.tickets, services.conversations, dispatcher, events);
  const sessions = new SessionRepository(store);
  if (config.routing.autoAssign) new AutoAssigner({ presence, users: services.users, conversations: services.conversations, tickets: services.tickets, desk, logger }).listen(events);
  const webchatInbox = new WebchatInbox({ engine, customers: services.customers, conversations: services.conversations, messages: services.messages });
  const webhooks = meta.webhooks({ engine, customers: services.customers, recordStatuses: whatsappStatusRecorder(services.messages, services.outbox, logger), logger });
  if (zalo) webhooks.push({ path: '/webhooks/zalo', router: zaloRoutes({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, maxEventAgeMs: config.channels.zalo.maxEventAgeSeconds * 1000, engine, choices: zalo.choices, logger }) });
  const editor = createEditor({ config, store, repositories: services, knowledge, policy, questions });
  if (botframework) webhooks.push(botframework.webhook(engine));
  const telegram = telegramBot && telegramWiring ? telegramWiring.wireTelegram(telegramBot, { config, engine, repositories: services, logger }) : null;
  const limits = new PublicRateLimits(config.rateLimits);
  const app = createApp({ config, store, services, logger, engine, knowledge, webchatInbox, desk, events, sessions, throttle: new LoginThrottle(), limits, presence, webhooks, editor, ...(telegram ? { telegramRoutes: telegram.routes } : {}) });
  // What a stop between two writes of a handoff, claim, resolve or hand-back left behind is put right before any turn runs.
  const repaired = await new HandoffRepair({ handoff, tickets: services.tickets, conversations: services.conversations, customers: services.customers }).run();
  for (const repair of repaired) logger.warn(repair, `handoff repaired (${repair.kind}): ${repair.found}`);
  // Sends left pending by an earlier run go out first, before anything newer for their conversations.
  await outboxWorker.start();
  // Messages stored before a stop whose turn never finished are answered now.
  const resumed = await engine.resumePending((error, message) => logger.error({ err: error, messageId: message._id }, 'finishing a turn left pending before the restart failed'));
  if (resumed > 0) logger.info({ resumed }, 'finishing the turns left pending before the restart');
  const stopWorkers = async (): Promise<void> => {
    await Promise.all([outboxWorker.stop(), jobRunner.stop(), modelAssist?.stop()]);
  };

  return {
    app,
    services,
    events,
    engine,
    policy,
    /** The OpenAI path (model-aware policy, article vectors), or null when OpenAI is not configured. */
    modelAssist,
    knowledge,
    knowledgeReport,
    questions,
    dispatcher,
    handoff,
    desk,
    sessions,
    presence,
    editor,
    channels,
    webchat,
    webchatInbox,
    outboxWorker,
    /** Runs scheduled jobs (CSAT surveys); `main.ts` starts it, `stop()` stops it. */
    jobRunner,
    /** Stops background work (outbox retries, scheduled jobs); call before closing the store. */
    async stop(): Promise<void> {
      // Turns in flight on every channel finish (their replies reach the outbox) before the workers stop.
      await engine.idle();
      await stopWorkers();
    },
    /** Stops the outbox worker, the job runner and the model's background work, without waiting for turns (`stop()` does). */
    stopWorkers,
    zalo,
    telegramInbox: telegram?.inbox ?? null,
    /** Attaches what needs the listening HTTP server (the web chat socket, JSON answers to unparsable requests, the public base URL); returns the socket closer. */
    attach(server: Server): () => void {
      answerClientErrors(server);
      const address = server.address();
      if (!config.publicUrl && address && typeof address === 'object') publicBase = `http://localhost:${address.port}`;
      return config.channels.webchat.enabled ? attachWebchatSocket(server, { inbox: webchatInbox, channel: webchat, logger, limits, clientAddress: (request) => clientAddressOf(request, app.get('trust proxy fn')) }) : () => undefined;
    },
  };
}

export type Careline = Awaited<ReturnType<typeof createCareline>>;
