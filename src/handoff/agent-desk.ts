import type { Locale } from '../core/locale.js';
import { deskPhrases, type DeskPhrases } from './desk-phrases.js';
import { isPlatformOwner } from './platform-takeover.js';
import type { User } from '../accounts/user.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { MessageDispatcher } from '../outbox/message-dispatcher.js';
import type { Message } from '../conversations/message.js';
import type { EventBus } from '../events/event-bus.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../core/app-error.js';
import type { Ticket } from './ticket.js';
import type { TicketRepository } from './ticket-repository.js';

/**
 * What agents do with conversations: claim from the queue (one owner, first wins), reply on
 * the customer's channel, add internal notes, transfer, resolve, hand back to the bot.
 * Every transition is guarded on the current state and owner, so two agents acting at
 * once cannot both succeed.
 */
export class AgentDesk {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly conversations: ConversationRepository,
    private readonly dispatcher: MessageDispatcher,
    private readonly events: EventBus,
    /** The language of a conversation that has none yet (what the customer is told in). */
    private readonly defaultLocale: Locale = 'vi',
  ) {}

  /** Tells the customer what changed on the agents' side (transferred, handed back, resolved). */
  private async tell(conversation: Conversation, say: (phrases: DeskPhrases) => string): Promise<void> {
    const locale = conversation.locale ?? this.defaultLocale;
    await this.dispatcher.deliver(conversation, { kind: 'system' }, { text: say(deskPhrases[locale]), locale });
  }

  /**
   * Claims a waiting ticket and its conversation for `agent`; 409 if someone was first, or
   * if the conversation is not waiting for this very ticket. Ticket first, then the
   * conversation; when the second step fails (409, or the store failing) the ticket is put
   * back in the queue, so no ticket stays assigned to a conversation nobody has.
   */
  async claim(ticketId: string, agent: User): Promise<{ ticket: Ticket; conversation: Conversation }> {
    const ticket = await this.tickets.claim(ticketId, agent._id);
    if (!ticket) {
      const existing = await this.tickets.get(ticketId);
      if (!existing) throw new NotFoundError('The ticket');
      throw new ConflictError(existing.assigneeId ? 'Another agent has already taken this conversation.' : `The ticket is ${existing.status}.`);
    }
    let conversation: Conversation | null;
    try {
      conversation = await this.conversations.transition(ticket.conversationId, { state: 'waiting', ticketId: ticket._id }, { $set: { state: 'with_agent', ownerId: agent._id, updatedAt: new Date() } });
    } catch (error) {
      await this.tickets.release(ticket._id, agent._id);
      throw error;
    }
    if (!conversation) {
      await this.tickets.release(ticket._id, agent._id);
      throw new ConflictError('The conversation is not waiting for an agent on this ticket (it is not handed off yet, or has moved on); the ticket is back in the queue.');
    }
    this.events.emit('conversation.claimed', { conversation, ticket, agentId: agent._id });
    return { ticket, conversation };
  }

  /**
   * Resolves or closes a ticket from the tickets API and settles its conversation, so none
   * waits for a ticket nobody will take: a conversation still waiting for it goes back to
   * the bot (emits `conversation.handed_back`); one an agent has is refused with 409, since
   * resolving or handing back the conversation closes its ticket too. A ticket its
   * conversation no longer waits on simply changes status.
   */
  async closeTicket(ticketId: string, by: User, status: 'resolved' | 'closed', set: Partial<Pick<Ticket, 'priority'>> = {}): Promise<Ticket> {
    const ticket = await this.tickets.get(ticketId);
    if (!ticket) throw new NotFoundError('The ticket');
    const conversation = await this.conversations.get(ticket.conversationId);
    const current = conversation?.ticketId === ticket._id ? conversation : null;
    if (current?.state === 'with_agent') {
      throw new ConflictError(`The ticket's conversation ${current._id} is with an agent: resolve it (POST /api/agent/conversations/${current._id}/resolve) or hand it back to the bot (…/handback), which closes the ticket too.`);
    }
    const now = new Date();
    if (current?.state === 'waiting') {
      // The conversation first: a stop between the two writes leaves an open ticket of a
      // conversation that moved on, which `HandoffRepair` resolves; never a waiting conversation without a ticket.
      const back = await this.conversations.transition(current._id, { state: 'waiting', ticketId: ticket._id }, { $set: { state: 'bot', ownerId: null, missCount: 0, updatedAt: now }, $unset: { ticketId: '' } });
      if (!back) throw new ConflictError('The conversation changed meanwhile (an agent may have taken it); reload and try again.');
      this.events.emit('conversation.handed_back', { conversation: back, agentId: by._id });
    }
    const closed = await this.tickets.change(ticket._id, { $set: { ...set, status, ...(status === 'resolved' ? { resolvedAt: now } : {}) } });
    if (!closed) throw new NotFoundError('The ticket');
    return closed;
  }

  /** Sends the owner's reply to the customer on their channel; the first one stamps the ticket's first response. */
  async reply(conversationId: string, agent: User, text: string): Promise<Message> {
    const conversation = await this.owned(conversationId, agent);
    const message = await this.dispatcher.deliver(conversation, { kind: 'agent', id: agent._id, name: agent.displayName }, { text });
    if (conversation.ticketId) await this.tickets.markFirstResponse(conversation.ticketId);
    return message;
  }

  /** Shows the customer that the owner is typing, where the channel can. */
  async typing(conversationId: string, agent: User): Promise<void> {
    await this.dispatcher.typing(await this.owned(conversationId, agent));
  }

  /** Adds an internal note to the conversation's ticket; it is never sent. */
  async note(conversationId: string, agent: User, text: string): Promise<Ticket> {
    const conversation = await this.get(conversationId);
    if (!conversation.ticketId) throw new ConflictError('The conversation has no ticket to note on.');
    return this.noteTicket(conversation.ticketId, agent, text);
  }

  /** Adds an internal note to a ticket and tells the consoles. */
  async noteTicket(ticketId: string, agent: User, text: string): Promise<Ticket> {
    const ticket = await this.tickets.addNote(ticketId, agent._id, text);
    if (!ticket) throw new NotFoundError('The ticket');
    this.events.emit('ticket.noted', { ticket, authorId: agent._id });
    return ticket;
  }

  /** Gives the owner's conversation to another agent. */
  async transfer(conversationId: string, agent: User, to: User): Promise<Conversation> {
    const owned = await this.owned(conversationId, agent);
    const conversation = await this.conversations.transition(conversationId, { state: 'with_agent', ownerId: owned.ownerId }, { $set: { ownerId: to._id, updatedAt: new Date() } });
    if (!conversation) throw new ConflictError('The conversation changed meanwhile.');
    const ticket = conversation.ticketId ? await this.tickets.change(conversation.ticketId, { $set: { assigneeId: to._id } }) : null;
    this.events.emit('conversation.transferred', { conversation, fromAgentId: agent._id, fromName: agent.displayName, toAgentId: to._id });
    if (ticket) this.events.emit('conversation.claimed', { conversation, ticket, agentId: to._id });
    await this.tell(conversation, (phrases) => phrases.transferred.replace('{name}', to.displayName));
    return conversation;
  }

  /** Resolves the owner's conversation and its ticket; emits `conversation.resolved` with the owner. */
  async resolve(conversationId: string, agent: User): Promise<{ conversation: Conversation; ticket: Ticket | null }> {
    const owned = await this.owned(conversationId, agent);
    const now = new Date();
    const conversation = await this.conversations.transition(conversationId, { state: 'with_agent', ownerId: owned.ownerId }, { $set: { state: 'resolved', resolvedAt: now, updatedAt: now } });
    if (!conversation) throw new ConflictError('The conversation changed meanwhile.');
    const ticket = conversation.ticketId ? await this.tickets.change(conversation.ticketId, { $set: { status: 'resolved', resolvedAt: now } }) : null;
    this.events.emit('conversation.resolved', { conversation, ticket, agentId: owned.ownerId! });
    await this.tell(conversation, (phrases) => phrases.resolved);
    return { conversation, ticket };
  }

  /** Gives the owner's conversation back to the bot; the ticket is closed as resolved. */
  async handBack(conversationId: string, agent: User): Promise<Conversation> {
    const owned = await this.owned(conversationId, agent);
    const now = new Date();
    const conversation = await this.conversations.transition(conversationId, { state: 'with_agent', ownerId: owned.ownerId }, { $set: { state: 'bot', ownerId: null, missCount: 0, updatedAt: now }, $unset: { ticketId: '' } });
    if (!conversation) throw new ConflictError('The conversation changed meanwhile.');
    if (owned.ticketId) await this.tickets.change(owned.ticketId, { $set: { status: 'resolved', resolvedAt: now } });
    this.events.emit('conversation.handed_back', { conversation, agentId: agent._id });
    await this.tell(conversation, (phrases) => phrases.handedBack);
    return conversation;
  }

  private async get(conversationId: string): Promise<Conversation> {
    const conversation = await this.conversations.get(conversationId);
    if (!conversation) throw new NotFoundError('The conversation');
    return conversation;
  }

  private async owned(conversationId: string, agent: User): Promise<Conversation> {
    const conversation = await this.get(conversationId);
    if (conversation.state !== 'with_agent') throw new ConflictError(`The conversation is ${conversation.state}, not with an agent.`);
    // A conversation someone answers from the platform's own app is every agent's to hand back.
    if (conversation.ownerId !== agent._id && !isPlatformOwner(conversation.ownerId) && !agent.roles.includes('admin')) throw new ForbiddenError('Another agent owns this conversation.');
    return conversation;
  }
}
