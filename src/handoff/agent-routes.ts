import { Router, type Response } from 'express';
import { renderMarkdown } from '../knowledge/help-center/render-markdown.js';
import { z } from 'zod';
import { localeSchema, type Locale } from '../config/config-schema.js';
import { requireRole, userOf } from '../accounts/auth.js';
import type { UserRepository } from '../accounts/user-repository.js';
import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Attachment } from '../core/messages.js';
import { mediaKinds } from './attachment-routes.js';
import { conversationSearchQuery, type ConversationSearch } from './conversation-search.js';
import type { EventBus, EventName } from '../events/event-bus.js';
import { NotFoundError } from '../core/app-error.js';
import { validate } from '../http/validate.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { TicketRepository } from './ticket-repository.js';
import type { AgentDesk } from './agent-desk.js';
import type { AgentPresence } from './agent-presence.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { byQueueOrder, firstResponseSla, type SlaTargets } from './sla.js';
import type { Ticket } from './ticket.js';
import type { ConsoleAttachment, ConsoleMessage, ConversationSummary, TicketView } from './console-documents.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const textBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });
const knowledgeQuery = z.object({ q: z.string().trim().min(1).max(500), locale: localeSchema.optional() });
const transferBody = z.strictObject({ toUserId: z.string().min(1).max(100) });
const statusBody = z.strictObject({ status: z.enum(['online', 'away']) });

/** A transcript line as the console shows it: the bot's article and confidence included. */
function consoleMessage(message: Message, knowledge?: Pick<KnowledgeBase, 'byId'>): ConsoleMessage {
  const article = message.articleId ? knowledge?.byId(message.articleId) : null;
  return {
    id: message._id,
    author: message.author.kind,
    ...(message.author.name ? { authorName: message.author.name } : {}),
    text: message.text,
    // The bot's Markdown as the customer's widget shows it (tables, bold, links), as safe HTML.
    ...(message.author.kind === 'bot' ? { html: renderMarkdown(message.text) } : {}),
    ...(message.attachments?.length ? { attachments: message.attachments.map((attachment, index) => consoleAttachment(message, attachment, index)) } : {}),
    buttons: message.buttons.map((button) => button.label),
    ...(message.articleId ? { articleId: message.articleId, confidence: message.confidence, ...(article ? { articleTitle: article.title, articleSlug: article.slug } : {}) } : {}),
    ...(message.kind ? { kind: message.kind } : {}),
    ...(message.wordedBy ? { wordedBy: message.wordedBy } : {}),
    at: message.createdAt,
  };
}

/** An attachment as the console shows it: media get the route that fetches them from the platform. */
function consoleAttachment(message: Message, attachment: Attachment, index: number): ConsoleAttachment {
  const { kind, mimeType, fileName, size, emoji, location, contact, summary } = attachment;
  const fetchable = mediaKinds.has(kind) && Boolean(attachment.mediaId || attachment.url);
  return { kind, mimeType, fileName, size, emoji, location, contact, summary, ...(fetchable ? { href: `/api/agent/messages/${encodeURIComponent(message._id)}/attachments/${index}` } : {}) };
}

/** Events the console listens to: anything that changes the queue or a conversation, and a customer typing. */
const liveEvents: EventName[] = ['conversation.handed_off', 'conversation.claimed', 'conversation.resolved', 'conversation.handed_back', 'message.received', 'message.sent', 'ticket.noted', 'ticket.priority_raised', 'customer.typing', 'customer.erased'];

/** The stores the agent console's API reads. */
export interface AgentRouteRepositories {
  customers: CustomerRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  tickets: TicketRepository;
  /** The survey answers (the csat folder sits above this one: only the shape is named here). */
  csat: { forConversation(conversationId: string): Promise<{ score: number; comment?: string | undefined; answeredAt: Date } | null> };
}

/**
 * The agent console's API under `/api/agent` (role agent; admins too): the queue by
 * priority and waiting time with SLA, a conversation with its whole context, claim, reply,
 * note, transfer, resolve, hand back, and `GET /events`, a server-sent event stream.
 */
export function agentRoutes(deps: { repositories: AgentRouteRepositories; search: ConversationSearch; desk: AgentDesk; events: EventBus; users: UserRepository; sla: SlaTargets; presence: AgentPresence; knowledge: KnowledgeBase; defaultLocale: Locale }): Router {
  const router = Router();
  const { repositories, desk } = deps;
  router.use(requireRole('agent'));

  const ticketView = (ticket: Ticket, now: Date): TicketView => ({
    id: ticket._id,
    number: ticket.number,
    reason: ticket.reason,
    priority: ticket.priority,
    status: ticket.status,
    subject: ticket.subject,
    assigneeId: ticket.assigneeId,
    contact: ticket.contact,
    notes: ticket.notes,
    createdAt: ticket.createdAt,
    firstResponseAt: ticket.firstResponseAt,
    resolvedAt: ticket.resolvedAt,
    waitingMs: now.getTime() - ticket.createdAt.getTime(),
    sla: firstResponseSla(ticket, deps.sla, now),
  });

  const conversationSummary = async (conversation: Conversation): Promise<ConversationSummary> => {
    const customer = await repositories.customers.get(conversation.customerId);
    return { id: conversation._id, channel: conversation.channel, state: conversation.state, locale: conversation.locale, ownerId: conversation.ownerId, lastCustomerMessageAt: conversation.lastCustomerMessageAt, customer: customer && { id: customer._id, displayName: customer.displayName, segment: customer.segment } };
  };

  router.get('/queue', async (_req, res) => {
    const now = new Date();
    const waiting = (await repositories.tickets.waiting()).sort(byQueueOrder);
    const items = await Promise.all(
      waiting.map(async (ticket) => {
        const conversation = await repositories.conversations.get(ticket.conversationId);
        return { ticket: ticketView(ticket, now), conversation: conversation && (await conversationSummary(conversation)) };
      }),
    );
    res.json({ queue: items });
  });

  router.get('/conversations', async (_req, res) => {
    // The agent's own, and those someone answers from a platform's own app (any agent may hand them back).
    const [mine, onPlatforms] = await Promise.all([repositories.conversations.ownedBy(userOf(res)._id), repositories.conversations.answeredOnPlatforms()]);
    res.json({ conversations: await Promise.all([...mine, ...onPlatforms].map(conversationSummary)) });
  });

  router.get('/search', async (req, res) => {
    const query = validate(conversationSearchQuery, req.query, 'query');
    const hits = await deps.search.search(query, userOf(res)._id);
    const names = new Map((await deps.users.withRoles(['agent', 'admin'])).map((user) => [user._id, user.displayName]));
    const results = await Promise.all(
      hits.map(async ({ conversation, ticket, matched }) => ({
        ...(await conversationSummary(conversation)),
        lastMessageAt: conversation.lastMessageAt,
        ...(ticket ? { ticket: { number: ticket.number, priority: ticket.priority, status: ticket.status } } : {}),
        // Who handled it: the agent who has it, or whose ticket it was.
        ...(conversation.ownerId || ticket?.assigneeId ? { handledBy: names.get((conversation.ownerId ?? ticket?.assigneeId)!) ?? conversation.ownerId ?? ticket?.assigneeId } : {}),
        ...(matched ? { matched: { author: matched.author.kind, text: matched.text.slice(0, 200), at: matched.createdAt } } : {}),
      })),
    );
    res.json({ results });
  });

  router.get('/conversations/:id', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const conversation = await repositories.conversations.get(id);
    if (!conversation) throw new NotFoundError('The conversation');
    const [transcript, customer, identities, history, ticket] = await Promise.all([
      repositories.messages.transcript(id),
      repositories.customers.get(conversation.customerId),
      repositories.customers.identitiesOf(conversation.customerId),
      repositories.conversations.listByCustomer(conversation.customerId),
      conversation.ticketId ? repositories.tickets.get(conversation.ticketId) : null,
    ]);
    const names = new Map((await deps.users.withRoles(['agent', 'admin'])).map((user) => [user._id, user.displayName]));
    const previous = await Promise.all(
      history.filter((other) => other._id !== id).map(async (other) => ({
        id: other._id,
        channel: other.channel,
        state: other.state,
        createdAt: other.createdAt,
        ...(other.ownerId ? { handledBy: names.get(other.ownerId) ?? other.ownerId } : {}),
        messages: (await repositories.messages.transcript(other._id)).map((line) => consoleMessage(line, deps.knowledge)),
      })),
    );
    const rating = await repositories.csat.forConversation(id);
    res.json({
      conversation: await conversationSummary(conversation),
      ticket: ticket && ticketView(ticket, new Date()),
      customer: customer && { ...customer, identities: identities.map(({ channel, externalId, displayName }) => ({ channel, externalId, displayName })) },
      messages: transcript.map((line) => consoleMessage(line, deps.knowledge)),
      previousConversations: previous,
      // The customer's survey answer, for the agent on the conversation itself.
      ...(rating ? { csat: { score: rating.score, ...(rating.comment ? { comment: rating.comment } : {}), at: rating.answeredAt } } : {}),
    });
  });

  router.post('/tickets/:id/claim', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { conversation, ticket } = await desk.claim(id, userOf(res));
    res.json({ conversationId: conversation._id, ticket: ticketView(ticket, new Date()) });
  });

  router.post('/conversations/:id/messages', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { text } = validate(textBody, req.body, 'body');
    res.status(201).json({ message: consoleMessage(await desk.reply(id, userOf(res), text), deps.knowledge) });
  });

  router.post('/conversations/:id/notes', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { text } = validate(textBody, req.body, 'body');
    const ticket = await desk.note(id, userOf(res), text);
    res.status(201).json({ notes: ticket.notes });
  });

  router.post('/conversations/:id/transfer', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { toUserId } = validate(transferBody, req.body, 'body');
    const to = await deps.users.get(toUserId);
    if (!to || !to.roles.some((role) => role === 'agent' || role === 'admin')) throw new NotFoundError('The agent to transfer to');
    res.json({ conversation: await conversationSummary(await desk.transfer(id, userOf(res), to)) });
  });

  router.post('/conversations/:id/resolve', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { conversation, ticket } = await desk.resolve(id, userOf(res));
    res.json({ conversation: await conversationSummary(conversation), ticket: ticket && ticketView(ticket, new Date()) });
  });

  router.post('/conversations/:id/handback', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    res.json({ conversation: await conversationSummary(await desk.handBack(id, userOf(res))) });
  });

  // Online or away: an away agent keeps the console open but gets no conversations and does not count as available.
  router.get('/status', (_req, res) => {
    res.json({ status: deps.presence.isAway(userOf(res)._id) ? 'away' : 'online' });
  });
  router.post('/status', (req, res) => {
    const { status } = validate(statusBody, req.body, 'body');
    deps.presence.setAway(userOf(res)._id, status === 'away');
    if (status === 'online') deps.events.emit('agent.online', { agentId: userOf(res)._id });
    res.json({ status });
  });

  router.get('/agents', async (_req, res) => {
    const agents = await deps.users.withRoles(['agent']);
    res.json({ agents: agents.map((agent) => ({ id: agent._id, displayName: agent.displayName, online: deps.presence.isOnline(agent._id) })) });
  });

  // Search the knowledge base from the composer; the answer can be inserted into a reply.
  router.get('/knowledge', (req, res) => {
    const { q, locale } = validate(knowledgeQuery, req.query, 'query');
    // Only articles with some evidence: a 0.00 match is noise to an agent.
    const results = deps.knowledge.query(q, 5).filter((candidate) => candidate.confidence >= 0.01).map((candidate) => {
      const article = deps.knowledge.article(candidate.slug, locale ?? candidate.locale, deps.defaultLocale)!;
      return { slug: candidate.slug, locale: article.locale, title: article.title, answer: article.answer, confidence: candidate.confidence };
    });
    res.json({ results });
  });

  router.post('/conversations/:id/typing', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    await desk.typing(id, userOf(res));
    res.status(204).end();
  });

  router.get('/events', (req, res: Response) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    // An open stream is a console that is open: the agent counts as online.
    const offline = deps.presence.connect(userOf(res)._id);
    deps.events.emit('agent.online', { agentId: userOf(res)._id });
    const unsubscribe = liveEvents.map((event) =>
      deps.events.on(event, (payload) => {
        const conversationId = 'conversation' in payload ? payload.conversation._id : 'ticket' in payload ? payload.ticket.conversationId : null;
        res.write(`event: ${event}\ndata: ${JSON.stringify({ conversationId })}\n\n`);
      }),
    );
    // A conversation given to this agent: their console alerts them, naming who gave it.
    unsubscribe.push(
      deps.events.on('conversation.transferred', ({ conversation, fromName, toAgentId }) => {
        if (toAgentId === userOf(res)._id) res.write(`event: conversation.transferred\ndata: ${JSON.stringify({ conversationId: conversation._id, from: fromName })}\n\n`);
      }),
    );
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      offline();
      for (const off of unsubscribe) off();
    });
  });

  return router;
}
