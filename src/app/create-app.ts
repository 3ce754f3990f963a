import { auditRoutes } from '../accounts/audit-routes.js';
import { cannedResponseRoutes } from '../handoff/canned-response-routes.js';
import { ConversationSearch } from '../handoff/conversation-search.js';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { authenticate } from '../accounts/auth.js';
import { authRoutes } from '../accounts/auth-routes.js';
import type { LoginThrottle } from '../accounts/login-throttle.js';
import type { SessionRepository } from '../accounts/session-repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { AgentDesk } from '../handoff/agent-desk.js';
import type { AgentPresence } from '../handoff/agent-presence.js';
import { agentRoutes } from '../handoff/agent-routes.js';
import { reportDocumentSchemas } from '../reports/report-documents.js';
import { schemaRoutes } from '../handoff/schema-routes.js';
import { staffDocumentSchemas } from '../handoff/console-documents.js';
import { editorDocumentSchemas } from '../editor/editor-documents.js';
import { attachmentRoutes } from '../handoff/attachment-routes.js';
import type { ChannelRegistry } from '../core/channel-registry.js';
import { ticketRoutes } from '../handoff/ticket-routes.js';
import type { ChannelRoutes } from '../channels/channel-module.js';
import type { Config } from '../config/config-schema.js';
import { customerRoutes } from '../customers/customer-routes.js';
import { editorRoutes, type EditorRouteDeps } from '../editor/editor-routes.js';
import { helpCenterRoutes } from '../knowledge/help-center/help-center-routes.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Services } from './services.js';
import type { DocumentStore } from '../storage/document-store.js';
import { errorHandler, notFoundHandler } from '../http/error-handler.js';
import { healthRoutes } from '../http/health-routes.js';
import { checkJsonDepth } from '../http/json-depth.js';
import { shopPageRoutes } from './shop-page.js';
import { packageRoot } from '../http/package-root.js';
import type { PublicRateLimits } from '../http/public-rate-limits.js';
import { securityHeaders } from '../http/security-headers.js';
import { reportRoutes } from '../reports/report-routes.js';

export interface AppDeps {
  config: Config;
  store: DocumentStore;
  services: Services;
  logger: Logger;
  knowledge: KnowledgeBase;
  desk: AgentDesk;
  events: EventBus;
  sessions: SessionRepository;
  throttle: LoginThrottle;
  /** The rate limits of the public chat endpoints, shared with the web chat socket. */
  limits: PublicRateLimits;
  presence: AgentPresence;
  /** The channels' routes: `raw` (platform webhooks, each reading its own body) before the JSON body parser, `json` under `/api` after it. */
  channelRoutes: { raw: ChannelRoutes[]; json: ChannelRoutes[] };
  /** The knowledge-base editor's services (articles, try it, content gaps). */
  editor: EditorRouteDeps;
  /** The enabled channels' senders (customers' media are fetched through them). */
  channels: ChannelRegistry;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The whole HTTP surface as an express app that does not listen; `main.ts` listens, tests
 * drive it in-process.
 */
export function createApp({ config, store, services, logger, knowledge, desk, events, sessions, throttle, limits, presence, channelRoutes, editor, channels }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // The client address (login throttle, rate limits) is the connection's unless TRUST_PROXY names the proxy.
  app.set('trust proxy', config.trustProxy);
  app.use(
    pinoHttp({
      logger,
      // Keep a caller's id (from a proxy) when it is sane, else make one; echo it back.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      // Headers may carry cookies and tokens: log only what identifies the request.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders(config));
  app.use(healthRoutes(store, new Date()));
  for (const route of channelRoutes.raw) app.use(route.path, route.router);
  app.use('/api', express.json({ limit: '256kb', verify: checkJsonDepth }));
  app.use('/api', authenticate({ sessions, users: services.users }));
  app.use('/api/auth', authRoutes({ users: services.users, sessions, throttle, config, audit: services.audit }));
  app.use('/api/schemas', schemaRoutes({ ...staffDocumentSchemas, ...editorDocumentSchemas, ...reportDocumentSchemas }));
  app.use('/api/audit', auditRoutes(services.audit, { userName: async (id) => (await services.users.get(id))?.displayName, customerName: async (id) => (await services.customers.get(id))?.displayName }));
  app.use('/api/agent', attachmentRoutes({ messages: services.messages, channels, maxBytes: config.media.maxMegabytes * 2 ** 20, timeoutMs: config.media.timeoutMs }));
  app.use('/api/agent/canned-responses', cannedResponseRoutes(services.cannedResponses, config.business.persona));
  app.use('/api/agent', agentRoutes({ repositories: services, search: new ConversationSearch(store, services.conversations, services.customers), desk, events, users: services.users, sla: config.sla, presence, knowledge, defaultLocale: config.locales.default }));
  app.use('/api/customers', customerRoutes(services, events));
  app.use('/api/tickets', ticketRoutes({ tickets: services.tickets, users: services.users, desk }));
  app.use('/api/reports', reportRoutes({ store, users: services.users, timezone: config.timezone }));
  app.use('/api/editor', editorRoutes(editor));
  for (const route of channelRoutes.json) app.use(route.path, route.router);
  app.use(helpCenterRoutes({ knowledge, config }));
  // The dashboard's chart library, served from the installed package (no CDN).
  app.use('/dashboard/vendor', express.static(join(packageRoot(), 'node_modules', 'chart.js', 'dist'), { maxAge: '1h' }));
  app.use(shopPageRoutes(config));
  app.use(express.static(join(packageRoot(), 'public'), { index: 'index.html', maxAge: '5m' }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
