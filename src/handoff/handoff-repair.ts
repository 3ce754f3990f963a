import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { Handoff } from './handoff.js';
import type { Ticket } from './ticket.js';
import type { TicketRepository } from './ticket-repository.js';

/** One thing the repair put right, for the log. */
export interface HandoffRepaired {
  kind: 'ticket_created' | 'ticket_linked' | 'ticket_put_back' | 'conversation_waiting' | 'ticket_resolved' | 'ticket_closed';
  conversationId: string;
  ticketId: string;
  /** What was found, in words. */
  found: string;
}

const isOpen = (ticket: Ticket | null): ticket is Ticket => ticket !== null && (ticket.status === 'waiting' || ticket.status === 'assigned');

/**
 * Puts right, at start-up, what a process stopped between two writes of a handoff, a claim,
 * a resolve or a hand-back left behind, so that no customer waits unseen and no ticket sits
 * in the queue for a conversation that moved on:
 *
 * - a conversation waiting with no open ticket gets one (or is linked to its open ticket);
 * - a ticket claimed whose conversation still waits for it is put back in the queue;
 * - a waiting ticket of a handoff whose conversation is still with the bot completes the
 *   handoff (the conversation waits for it);
 * - an open ticket whose conversation has moved on (resolved, handed back, on another
 *   ticket) is resolved, as the interrupted resolve or hand-back would have; one whose
 *   conversation is gone is closed.
 *
 * Each repair is a guarded write, so running it twice, or while a handoff is under way in
 * another process, does no harm.
 */
export class HandoffRepair {
  constructor(
    private readonly deps: {
      handoff: Handoff;
      tickets: TicketRepository;
      conversations: ConversationRepository;
      customers: CustomerRepository;
    },
  ) {}

  /** Runs every repair once; returns what it changed. */
  async run(): Promise<HandoffRepaired[]> {
    const repaired: HandoffRepaired[] = [];
    for (const conversation of await this.deps.conversations.inState('waiting')) {
      const done = await this.settleWaiting(conversation);
      if (done) repaired.push(done);
    }
    for (const ticket of await this.deps.tickets.open()) {
      const done = await this.settleTicket(ticket);
      if (done) repaired.push(done);
    }
    return repaired;
  }

  private async settleWaiting(conversation: Conversation): Promise<HandoffRepaired | null> {
    const { tickets } = this.deps;
    const linked = conversation.ticketId ? await tickets.get(conversation.ticketId) : null;
    const ticket = isOpen(linked) && linked.conversationId === conversation._id ? linked : null;
    if (ticket?.status === 'waiting') return null;
    if (ticket) {
      const released = await tickets.release(ticket._id, ticket.assigneeId ?? '');
      return released && { kind: 'ticket_put_back', conversationId: conversation._id, ticketId: ticket._id, found: 'a ticket claimed while its conversation still waits (a claim stopped half-way)' };
    }
    const [orphan] = await tickets.openFor(conversation._id);
    if (orphan) {
      const relinked = await this.deps.conversations.transition(conversation._id, { state: 'waiting', ticketId: conversation.ticketId ?? null }, { $set: { ticketId: orphan._id, updatedAt: new Date() } });
      if (!relinked) return null;
      if (orphan.status === 'assigned') await tickets.release(orphan._id, orphan.assigneeId ?? '');
      return { kind: 'ticket_linked', conversationId: conversation._id, ticketId: orphan._id, found: 'a waiting conversation not linked to its open ticket' };
    }
    const created = await this.deps.handoff.reopen(conversation, await this.deps.customers.get(conversation.customerId));
    return created && { kind: 'ticket_created', conversationId: conversation._id, ticketId: created._id, found: 'a waiting conversation without an open ticket' };
  }

  private async settleTicket(ticket: Ticket): Promise<HandoffRepaired | null> {
    const conversation = await this.deps.conversations.get(ticket.conversationId);
    if (!conversation) {
      const closed = await this.deps.tickets.change(ticket._id, { $set: { status: 'closed' } });
      return closed && { kind: 'ticket_closed', conversationId: ticket.conversationId, ticketId: ticket._id, found: 'an open ticket whose conversation does not exist' };
    }
    const current = conversation.ticketId === ticket._id;
    if (current && (conversation.state === 'waiting' || conversation.state === 'with_agent')) return null;
    if (this.isPendingHandoff(ticket, conversation)) {
      // A claim that came between the two writes and stopped before putting the ticket back.
      if (ticket.status === 'assigned') await this.deps.tickets.release(ticket._id, ticket.assigneeId ?? '');
      const waiting = await this.deps.handoff.complete(ticket, conversation);
      return waiting && { kind: 'conversation_waiting', conversationId: conversation._id, ticketId: ticket._id, found: 'a handoff whose ticket was opened but whose conversation stayed with the bot' };
    }
    const resolved = await this.deps.tickets.change(ticket._id, { $set: { status: 'resolved', resolvedAt: conversation.resolvedAt ?? new Date() } });
    return resolved && { kind: 'ticket_resolved', conversationId: conversation._id, ticketId: ticket._id, found: `an open ticket of a conversation that moved on (${conversation.state}${current ? '' : ', on another ticket'})` };
  }

  /** The ticket of a handoff the conversation has not reached yet: it is still with the bot, at an earlier handoff. */
  private isPendingHandoff(ticket: Ticket, conversation: Conversation): boolean {
    return conversation.state === 'bot' && ticket.handoff !== undefined && ticket.handoff > (conversation.handoffs ?? 0);
  }
}
