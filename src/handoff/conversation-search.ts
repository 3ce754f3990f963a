import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { Message } from '../conversations/message.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { DocumentStore, Filter } from '../storage/document-store.js';
import { ticketPrioritySchema, type Ticket } from './ticket.js';
import { foldedPattern } from '../core/folded-pattern.js';

/** `GET /api/agent/search`: what the console's search and filters send. */
export const conversationSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  /** mine: the agent's own (open or resolved); unassigned: waiting in the queue; resolved; all. */
  view: z.enum(['mine', 'unassigned', 'resolved', 'all']).default('all'),
  channel: channelIdSchema.optional(),
  priority: ticketPrioritySchema.optional(),
  /** Last message on or after / before the end of (YYYY-MM-DD, server time). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ConversationSearchQuery = z.infer<typeof conversationSearchQuery>;

/** One hit: the conversation, its ticket, and the line of the transcript that matched, if the text did. */
export interface ConversationHit {
  conversation: Conversation;
  ticket: Ticket | null;
  matched: Message | null;
}

/**
 * Finds conversations for the console: by the customer's name, e-mail, phone or channel id,
 * a ticket number ("#12" or "12"), or words of the transcript (accents optional); narrowed
 * by view, channel, priority and date; newest activity first. Resolved conversations and
 * other agents' are found too (agents may read them).
 */
export class ConversationSearch {
  private readonly messages;
  private readonly tickets;
  private readonly conversationDocs;

  constructor(
    store: DocumentStore,
    private readonly conversations: ConversationRepository,
    private readonly customers: CustomerRepository,
  ) {
    this.messages = store.collection<Message>('messages');
    this.tickets = store.collection<Ticket>('tickets');
    this.conversationDocs = store.collection<Conversation>('conversations');
  }

  async search(query: ConversationSearchQuery, agentId: string): Promise<ConversationHit[]> {
    const filter: Filter = {};
    if (query.view === 'mine') filter.ownerId = agentId;
    if (query.view === 'unassigned') filter.state = 'waiting';
    if (query.view === 'resolved') filter.state = { $in: ['resolved', 'closed'] };
    if (query.channel) filter.channel = query.channel;
    if (query.from || query.to) {
      filter.lastMessageAt = {
        ...(query.from ? { $gte: new Date(`${query.from}T00:00:00`) } : {}),
        ...(query.to ? { $lt: new Date(new Date(`${query.to}T00:00:00`).getTime() + 24 * 3600_000) } : {}),
      };
    }
    const matchedLines = new Map<string, Message>();
    if (query.q) {
      const ids = await this.idsFor(query.q, matchedLines);
      filter._id = { $in: ids };
    }
    const candidates = await this.conversationDocs.find(filter, { sort: { lastMessageAt: -1 }, limit: query.priority ? 1000 : query.limit });
    const ticketIds = candidates.flatMap((conversation) => (conversation.ticketId ? [conversation.ticketId] : []));
    const tickets = new Map((ticketIds.length ? await this.tickets.find({ _id: { $in: ticketIds } }) : []).map((ticket) => [ticket._id, ticket]));
    return candidates
      .map((conversation) => ({ conversation, ticket: (conversation.ticketId && tickets.get(conversation.ticketId)) || null, matched: matchedLines.get(conversation._id) ?? null }))
      .filter((hit) => !query.priority || hit.ticket?.priority === query.priority)
      .slice(0, query.limit);
  }

  /** The conversations `q` names: its customers', its ticket's, and those whose transcript has the words (the newest line kept as the match). */
  private async idsFor(q: string, matchedLines: Map<string, Message>): Promise<string[]> {
    const ids = new Set<string>();
    const number = /^#?(\d{1,9})$/.exec(q)?.[1];
    if (number) for (const ticket of await this.tickets.find({ number: Number(number) }, { limit: 5 })) ids.add(ticket.conversationId);
    if (q.length >= 2) {
      const customers = await this.customers.search(q, 50);
      for (const customer of customers) for (const conversation of await this.conversations.listByCustomer(customer._id)) ids.add(conversation._id);
      const lines = await this.messages.find({ text: foldedPattern(q), 'author.kind': { $in: ['customer', 'agent', 'bot'] } }, { sort: { createdAt: -1 }, limit: 500 });
      for (const line of lines) {
        ids.add(line.conversationId);
        if (!matchedLines.has(line.conversationId)) matchedLines.set(line.conversationId, line);
      }
    }
    return [...ids];
  }
}
