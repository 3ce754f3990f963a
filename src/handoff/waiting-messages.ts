import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Customer } from '../customers/customer.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { detectComplaint } from '../intents/complaint-detector.js';
import { findContactDetails, type ContactDetails } from './contact-details.js';
import type { Handoff } from './handoff.js';
import type { TicketRepository } from './ticket-repository.js';
import type { MessageRepository } from '../conversations/message-repository.js';

/** A customer writing while they wait hears at most once per this long that their message is kept. */
export const waitingAcknowledgementMs = 3 * 60_000;

/** What the bot says to a message written while waiting: the contact details it kept, or that the message is kept for the agents. */
export type WaitingReply = { kind: 'contact'; contact: ContactDetails } | { kind: 'kept'; ticketNumber: number };

/**
 * What a customer's message does while the conversation waits for an agent (the bot stays
 * silent): an e-mail address or phone number in it is kept on the waiting ticket and the
 * customer, so agents can call back out of hours; a complaint raises the ticket to the
 * complaint priority (never lowers it) and `Handoff` tells the agents. Otherwise the first
 * message of a burst hears that it is kept for the agents, with the ticket number (silence
 * looked like a dead chat).
 */
export class WaitingMessages {
  constructor(
    private readonly deps: { tickets: TicketRepository; customers: CustomerRepository; messages: MessageRepository; handoff: Handoff; orderCodePattern?: RegExp },
  ) {}

  /** Takes the message; resolves with what to tell the customer, or null to stay silent. */
  async take(conversation: Conversation, customer: Customer, message: Message): Promise<WaitingReply | null> {
    const kept = await this.keepContactDetails(conversation, customer, message.text);
    await this.raiseOnComplaint(conversation, customer, message.text);
    if (kept && (kept.email || kept.phone)) return { kind: 'contact', contact: kept };
    return this.acknowledgement(conversation, message);
  }

  private async acknowledgement(conversation: Conversation, message: Message): Promise<WaitingReply | null> {
    if (!conversation.ticketId) return null;
    const last = await this.deps.messages.lastAnsweredAt(conversation._id);
    if (last && message.createdAt.getTime() - last.getTime() < waitingAcknowledgementMs) return null;
    const ticket = await this.deps.tickets.get(conversation.ticketId);
    return ticket && ticket.status === 'waiting' ? { kind: 'kept', ticketNumber: ticket.number } : null;
  }

  /**
   * Keeps an e-mail, phone number or order code the customer wrote (in any message, also the
   * one that asked for a person): the e-mail and phone on the customer, all of them on the
   * conversation's open ticket. Resolves with what it kept, or null.
   */
  async keepContactDetails(conversation: Conversation, customer: Customer, text: string): Promise<ContactDetails | null> {
    const found = findContactDetails(text, this.deps.orderCodePattern);
    if (!found.email && !found.phone && !found.orderCode) return null;
    const { email, phone } = found;
    if ((email && email !== customer.email) || (phone && phone !== customer.phone)) await this.deps.customers.update(customer._id, { ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
    const ticket = conversation.ticketId ? await this.deps.tickets.get(conversation.ticketId) : null;
    if (ticket && (ticket.status === 'waiting' || ticket.status === 'assigned')) await this.deps.tickets.change(ticket._id, { $set: { contact: { ...ticket.contact, ...found } } });
    return found;
  }

  private async raiseOnComplaint(conversation: Conversation, customer: Customer, text: string): Promise<void> {
    if (!conversation.ticketId) return;
    const complaint = detectComplaint(text);
    if (complaint.complaint) await this.deps.handoff.raiseForComplaint(conversation.ticketId, customer, complaint.reasons);
  }
}
