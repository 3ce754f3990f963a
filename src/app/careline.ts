import { IdleClose } from '../conversations/idle-close.js';
import { join, resolve } from 'node:path';
import { isDemoProfile, namesDemoShop } from '../config/business-profile.js';
import { packageRoot } from '../http/package-root.js';
import type { Server } from 'node:http';
import type OpenAI from 'openai';
import type { Logger } from 'pino';
import { LoginThrottle } from '../accounts/login-throttle.js';
import { SessionRepository } from '../accounts/session-repository.js';
import type { ChannelClients, ChannelModule, Listening } from '../channels/channel-module.js';
import { channelModules } from '../channels/index.js';
import { PlatformTakeover } from '../handoff/platform-takeover.js';
import { CustomerTyping } from '../handoff/customer-typing.js';
import { ChannelSet } from '../channels/channel-set.js';
import type { CarelineConfig } from '../channels/careline-config.js';
import type { ChannelId } from '../core/channel-id.js';
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
import type { FileProblem } from '../knowledge/files/read-knowledge-files.js';
import { seedArticles } from '../knowledge/files/seed-articles.js';
import { seedSynonyms } from '../knowledge/synonyms/synonym-sync.js';
import { createEditor } from '../editor/create-editor.js';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { QuestionLog } from '../knowledge/question-log.js';
import { JobRunner } from '../jobs/job-runner.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { ConversationFacts } from '../reports/conversation-facts.js';
import { readCarelineContent, type CarelineContent } from './careline-content.js';
import { createServices } from './services.js';
import type { DocumentStore } from '../storage/document-store.js';

export interface CarelineDeps {
  config: CarelineConfig;
  store: DocumentStore;
  logger: Logger;
  /** The channels (`channelModules` unless a test adds one); `config.channels` holds their settings. */
  modules?: readonly ChannelModule[];
  /** Platform clients to use instead of the ones the channels make (tests point them at fakes). */
  clients?: ChannelClients;
  /** The OpenAI client, made by `main.ts` when OpenAI is configured; enables hybrid ranking and grounded wording. */
  openai?: OpenAI | null;
  /** The intents and knowledge-base files already read from the folders `config` names (tests read them once per worker); read at start-up when absent. */
  content?: CarelineContent;
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
export async function createCareline({ config, store, logger, modules = channelModules, clients = {}, openai, content = readCarelineContent(config) }: CarelineDeps) {
  const services = createServices(store);
  const events = new EventBus((event, error) => logger.error({ err: error, event }, 'an event listener failed'));
  const { intents, articleFiles: files, synonymFiles } = content;

  const { added } = await seedArticles(files.articles, services.articles);
  await seedSynonyms(synonymFiles.lists, services.synonyms);
  await services.cannedResponses.seedIfEmpty(config.business.persona);
  const knowledge = new KnowledgeBase([], [], content.answerIndex);
  const indexed = await knowledge.reload(services.articles, services.synonyms);
  const problems = [...files.problems, ...synonymFiles.problems];
  const knowledgeReport: KnowledgeLoadReport = { files: files.articles.length, added, indexed, problems };
  for (const problem of problems) logger.warn(problem, `knowledge-base file skipped: ${problem.path}: ${problem.field}: ${problem.message}`);
  // A shop's own knowledge base with the demo shop's profile: its customers would hear the demo's name and hotline.
  if (isDemoProfile(config.business) && resolve(config.knowledgeBaseDir) !== join(packageRoot(), 'knowledge-base')) {
    logger.warn({ knowledgeBaseDir: config.knowledgeBaseDir }, 'the business profile is still the demo shop\'s (An Phat Electronics, 1800 6868) but the knowledge base is your own: set BUSINESS_NAME, BUSINESS_HOTLINE and BUSINESS_WEBSITE (or run `npm run careline -- init`)');
  }
  // The other way round: your own profile, but articles that still name the demo shop (its bundled knowledge base).
  if (!isDemoProfile(config.business)) {
    const demoArticles = knowledge.articles().filter((article) => namesDemoShop(`${article.title}\n${article.answer}`));
    if (demoArticles.length > 0) {
      const ids = [...new Set(demoArticles.map((article) => article.slug))];
      logger.warn({ knowledgeBaseDir: config.knowledgeBaseDir, articles: demoArticles.length, examples: ids.slice(0, 5) }, `${demoArticles.length} published articles still name the demo shop (An Phat, 1800 6868), e.g. ${ids.slice(0, 3).join(', ')}: your customers would read them; point KNOWLEDGE_BASE_DIR at your own articles (\`npm run careline -- init\` writes a starter) or edit them`);
    }
  }

  const limits = new PublicRateLimits(config.rateLimits);
  // Channels are built before the engine (it needs their senders); their messages reach it once it exists.
  let acceptor: ConversationEngine | null = null;
  let receipts: MessageDispatcher | null = null;
  let takeover!: PlatformTakeover;
  const customerTyping = new CustomerTyping({ customers: services.customers, conversations: services.conversations, events });
  const built = await ChannelSet.create(modules, config.channels, {
    config,
    store,
    logger,
    clients,
    onMessage: (inbound, output) => {
      if (!acceptor) throw new Error('a channel received a message before the engine was built');
      return acceptor.accept(inbound, output);
    },
    repositories: services,
    recordReceipt: (channel, platformMessageId, state) => receipts!.recordReceipt(channel, platformMessageId, state),
    humanReplied: (reply) => takeover.humanReplied(reply),
    customerTyping: async (signal) => void (await customerTyping.typed(signal)),
    intents,
    limits,
  });
  const channels = built.registry;

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
  const dispatcher = new MessageDispatcher(services.messages, channels, events, logger, outboxWorker, config.business.persona);
  receipts = dispatcher;
  const presence = new AgentPresence();
  const handoff = new Handoff(config, services.tickets, services.conversations, events, presence);
  // A customer an agent makes VIP while waiting moves up the queue.
  events.on('customer.updated', async ({ customerId }) => {
    const customer = await services.customers.get(customerId);
    if (customer) await handoff.reprioritize(customer);
  });
  const questions = new QuestionLog(store);
  const policy = new AnswerPolicy(config, knowledge, intents);
  // The editor's "try it" and the benchmark keep the offline policy; customers get the model-aware one when configured.
  // Like telegraf, the openai client's code is loaded only when OpenAI is configured.
  const modelAssist = openai ? (await import('../engine/create-model-assist.js')).createModelAssist({ client: openai, config, store, knowledge, offline: policy, logger }) : null;
  const jobRunner = new JobRunner(services.jobs, { logger });
  takeover = new PlatformTakeover({ ...services, jobRunner, events, quietMs: config.routing.platformQuietMinutes * 60_000 });
  new ConversationFacts(services.conversations).listen(events);
  const surveys = createCsatSurveys({ config, repositories: services, channels, dispatcher, events, jobRunner });
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
    waiting: new WaitingMessages({ tickets: services.tickets, customers: services.customers, messages: services.messages, handoff, orderCodePattern: new RegExp(config.orderCodePattern, 'iu') }),
    customers: services.customers,
    questions,
    dispatcher,
    events,
    surveys: surveys.answers,
    articleUrl: (slug, locale) => `${publicBase}/help/${slug}?lang=${locale}`,
  });
  acceptor = engine;
  new IdleClose({ conversations: services.conversations, jobs: services.jobs, jobRunner, events, idleMs: config.idleCloseMinutes * 60_000 }).listen();
  const desk = new AgentDesk(services.tickets, services.conversations, dispatcher, events, config.locales.default);
  const sessions = new SessionRepository(store);
  if (config.routing.autoAssign) new AutoAssigner({ presence, users: services.users, conversations: services.conversations, tickets: services.tickets, desk, logger }).listen(events);
  const editor = createEditor({ config, store, repositories: services, knowledge, policy, intents, questions });
  const app = createApp({ config, store, services, logger, knowledge, desk, events, sessions, throttle: new LoginThrottle(), limits, presence, channelRoutes: { raw: built.routes('raw'), json: built.routes('json') }, editor, channels });
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
    /** Steps the bot aside when a person answers from a platform's own app (channels call it on echoes). */
    takeover,
    sessions,
    presence,
    editor,
    channels,
    /** The enabled channels' parts (start, stop, drain, banner notes). */
    channelSet: built,
    outboxWorker,
    /** Runs scheduled jobs (CSAT surveys); `main.ts` starts it, `stop()` stops it. */
    jobRunner,
    /** Stops background work (outbox retries, scheduled jobs); call before closing the store. */
    async stop(): Promise<void> {
      // Turns in flight on every channel finish (their replies reach the outbox) before the workers stop.
      await built.idle();
      await engine.idle();
      await customerTyping.idle();
      await stopWorkers();
    },
    /** Stops the outbox worker, the job runner and the model's background work, without waiting for turns (`stop()` does). */
    stopWorkers,
    /** Resolves when every channel's turns in flight, and the customers' typing signals received, are done (shutdown's drain). */
    async idle(): Promise<void> {
      await built.idle();
      await engine.idle();
      await customerTyping.idle();
    },
    /**
     * Starts what needs the listening HTTP server: JSON answers to unparsable requests, the
     * public base URL, and every channel (the web chat socket, Telegram's webhook or polling;
     * `skip` leaves some out, e.g. tests that post Telegram updates themselves). `public`: the
     * server is reachable at PUBLIC_URL (default: whether PUBLIC_URL is set). Resolves with the
     * listening details; `stopChannels()` undoes it.
     */
    async attach(server: Server, options: { publicUrl?: string; skip?: readonly ChannelId[] } = {}): Promise<Listening> {
      answerClientErrors(server);
      const address = server.address();
      if (!config.publicUrl && address && typeof address === 'object') publicBase = `http://localhost:${address.port}`;
      const listening: Listening = { server, publicUrl: options.publicUrl ?? publicBase, public: options.publicUrl !== undefined || config.publicUrl !== undefined, clientAddress: (request) => clientAddressOf(request, app.get('trust proxy fn')) };
      await built.start(listening, options.skip);
      return listening;
    },
    /** Stops taking new messages on every channel (sockets, polling). */
    stopChannels: () => built.stop(),
  };
}

export type Careline = Awaited<ReturnType<typeof createCareline>>;
