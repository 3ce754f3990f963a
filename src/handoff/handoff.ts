import type { Config, Locale } from '../config/config-schema.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { Customer } from '../customers/customer.js';
import type { EventBus } from '../events/event-bus.js';
import type { AgentPresence } from './agent-presence.js';
import { openingState, type OpeningState } from './opening-hours.js';
import { handoffTicketId, openTicketStatuses, type Ticket } from './ticket.js';
import { ticketPriority } from './ticket-priority.js';
import type { TicketInput, TicketRepository } from './ticket-repository.js';

/** What an escalation produced. */
export interface Escalation {
  ticket: Ticket;
  conversation: Conversation;
  opening: OpeningState;
  /** In business hours and at least one agent has the console open. */
  agentsAvailable: boolean;
}

/**
 * Hands a conversation from the bot to the agents: opens a ticket with a priority, moves
 * the conversation to `waiting` (the bot falls silent), emits `conversation.handed_off`;
 * raises a waiting ticket's priority when the customer complains meanwhile.
 *
 * Ticket first, then the conversation, so that no conversation ever waits without a ticket.
 * The ticket of a conversation's n-th handoff has the id `handoffTicketId(conversation, n)`:
 * a handoff tried again after a failure between the two writes (or resumed after a restart)
 * finds its ticket and completes, and `HandoffRepair` completes the ones nobody retries.
 */
export class Handoff {
  constructor(
    private readonly config: Pick<Config, 'businessHours' | 'timezone' | 'routing'>,
    private readonly tickets: TicketRepository,
    private readonly conversations: ConversationRepository,
    private readonly events: EventBus,
    private readonly presence: AgentPresence,
  ) {}

  /** Escalates a conversation the bot owns; null if someone else moved it first. */
  async escalate(conversation: Conversation, customer: Customer, reason: Ticket['reason'], options: { subject?: string; locale?: Locale } = {}, now = new Date()): Promise<Escalation | null> {
    const { subject, locale } = options;
    const ticket = await this.openTicket(conversation, {
      customerId: customer._id,
      reason,
      priority: ticketPriority(customer.segment, reason, this.config.routing.priorities),
      ...(subject ? { subject: subject.slice(0, 500) } : {}),
    });
    const waiting = await this.startWaiting(conversation, 'bot', ticket, { missCount: 0, updatedAt: now, ...(locale ? { locale } : {}) });
    if (!waiting) {
      await this.withdrawIfUnused(ticket);
      return null;
    }
    const opening = this.opening(now);
    return { ticket, conversation: waiting, opening, agentsAvailable: opening.open && this.presence.onlineCount > 0 };
  }

  /**
   * Completes a handoff whose ticket was opened but whose conversation never moved to
   * `waiting` (a failure or a stop between the two writes); null if the conversation moved on.
   */
  complete(ticket: Ticket, conversation: Conversation): Promise<Conversation | null> {
    return this.startWaiting(conversation, 'bot', ticket, { missCount: 0, updatedAt: new Date() });
  }

  /**
   * Gives a conversation that waits without an open ticket (left so by an older version, or
   * by a ticket closed underneath it) a new ticket, so that it shows in the agents' queue.
   */
  async reopen(conversation: Conversation, customer: Customer | null): Promise<Ticket | null> {
    const reason = 'customer_request';
    const ticket = await this.openTicket(conversation, { customerId: conversation.customerId, reason, priority: ticketPriority(customer?.segment ?? 'new', reason, this.config.routing.priorities) });
    const waiting = await this.startWaiting(conversation, 'waiting', ticket, { updatedAt: new Date() });
    if (waiting) return ticket;
    await this.withdrawIfUnused(ticket);
    return null;
  }

  /**
   * A customer who complains while waiting for an agent: the waiting ticket is raised to the
   * complaint priority (a VIP's to the VIP-complaint one), never lowered, and
   * `ticket.priority_raised` tells the agents' console. Null when nothing changed (no longer
   * waiting, or already as high).
   */
  async raiseForComplaint(ticketId: string, customer: Customer, reasons: string[]): Promise<Ticket | null> {
    const ticket = await this.tickets.get(ticketId);
    if (!ticket || ticket.status !== 'waiting') return null;
    const raised = await this.tickets.raisePriority(ticket._id, ticketPriority(customer.segment, 'complaint', this.config.routing.priorities));
    if (raised) this.events.emit('ticket.priority_raised', { ticket: raised, from: ticket.priority, reasons });
    return raised;
  }

  /**
   * A customer an agent made VIP (or otherwise re-segmented) while waiting: their waiting
   * tickets rise to the priority the segment gives (never lowered); the console is told.
   */
  async reprioritize(customer: Customer): Promise<Ticket[]> {
    const raised: Ticket[] = [];
    for (const ticket of (await this.tickets.waiting()).filter((waiting) => waiting.customerId === customer._id)) {
      const higher = await this.tickets.raisePriority(ticket._id, ticketPriority(customer.segment, ticket.reason, this.config.routing.priorities));
      if (!higher) continue;
      this.events.emit('ticket.priority_raised', { ticket: higher, from: ticket.priority, reasons: [`segment ${customer.segment}`] });
      raised.push(higher);
    }
    return raised;
  }

  /** Whether agents are at work at `now`, and when they are back if not. */
  opening(now = new Date()): OpeningState {
    return openingState(now, this.config.businessHours.weekly, this.config.businessHours.holidays, this.config.timezone);
  }

  /**
   * The ticket of the conversation's next handoff: the one an earlier try of it opened, or a
   * new one. A closed ticket under the id was a handoff that did not happen (withdrawn), so
   * the next number is tried; each step finds or makes a ticket, so this ends.
   */
  private async openTicket(conversation: Conversation, input: Omit<TicketInput, 'conversationId'>): Promise<Ticket> {
    for (let handoff = (conversation.handoffs ?? 0) + 1; ; handoff++) {
      const ticket = await this.tickets.createOnce(handoffTicketId(conversation._id, handoff), { ...input, conversationId: conversation._id, handoff });
      if (openTicketStatuses.includes(ticket.status)) return ticket;
    }
  }

  /**
   * Moves the conversation from `from` to `waiting` for `ticket`, only if its handoff count is
   * still the one the ticket follows (so a stale copy cannot reuse a spent ticket); emits
   * `conversation.handed_off`.
   */
  private async startWaiting(conversation: Conversation, from: 'bot' | 'waiting', ticket: Ticket, set: Partial<Conversation>): Promise<Conversation | null> {
    const guard = { state: from, handoffs: conversation.handoffs ?? null };
    const waiting = await this.conversations.transition(conversation._id, guard, { $set: { ...set, state: 'waiting', ticketId: ticket._id, handoffs: ticket.handoff } });
    if (waiting) this.events.emit('conversation.handed_off', { conversation: waiting, ticket });
    return waiting;
  }

  /** Closes a ticket whose conversation took another way meanwhile, unless another try of the same handoff used it. */
  private async withdrawIfUnused(ticket: Ticket): Promise<void> {
    const conversation = await this.conversations.get(ticket.conversationId);
    if (conversation?.ticketId === ticket._id) return;
    await this.tickets.withdraw(ticket._id);
  }
}
