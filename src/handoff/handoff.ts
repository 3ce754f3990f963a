import type { Config, Locale } from '../config/config-schema.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { Customer } from '../customers/customer.js';
import type { EventBus } from '../events/event-bus.js';
import type { AgentPresence } from './agent-presence.js';
import { openingState, type OpeningState } from './opening-hours.js';
import type { Ticket } from './ticket.js';
import { ticketPriority } from './ticket-priority.js';
import type { TicketRepository } from './ticket-repository.js';

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
    // Take the conversation from the bot first, so two escalations at once open one ticket.
    const taken = await this.conversations.transition(conversation._id, { state: 'bot' }, { $set: { state: 'waiting', missCount: 0, updatedAt: now, ...(locale ? { locale } : {}) } });
    if (!taken) return null;
    const ticket = await this.tickets.create({
      conversationId: conversation._id,
      customerId: customer._id,
      reason,
      priority: ticketPriority(customer.segment, reason, this.config.routing.priorities),
      ...(subject ? { subject: subject.slice(0, 500) } : {}),
    });
    const waiting = (await this.conversations.transition(conversation._id, {}, { $set: { ticketId: ticket._id } })) ?? taken;
    this.events.emit('conversation.handed_off', { conversation: waiting, ticket });
    const opening = this.opening(now);
    return { ticket, conversation: waiting, opening, agentsAvailable: opening.open && this.presence.onlineCount > 0 };
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

  /** Whether agents are at work at `now`, and when they are back if not. */
  opening(now = new Date()): OpeningState {
    return openingState(now, this.config.businessHours.weekly, this.config.businessHours.holidays, this.config.timezone);
  }
}
