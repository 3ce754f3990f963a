import type { Conversation } from '../conversations/conversation.js';
import type { Message } from '../conversations/message.js';
import type { Customer } from '../customers/customer.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { detectComplaint } from '../intents/complaint-detector.js';
import { findContactDetails, type ContactDetails } from './contact-details.js';
import type { Handoff } from './handoff.js';
import type { TicketRepository } from './ticket-repository.js';

/**
 * What a customer's message does while the conversation waits for an agent (the bot stays
 * silent): an e-mail address or phone number in it is kept on the waiting ticket and the
 * customer, so agents can call back out of hours; a complaint raises the ticket to the
 * complaint priority (never lowers it) and `Handoff` tells the agents.
 */
export class WaitingMessages {
  constructor(
    private readonly deps: { tickets: TicketRepository; customers: CustomerRepository; handoff: Handoff },
  ) {}

  /** Takes the message; resolves with the contact details it kept (to acknowledge), or null. */
  async take(conversation: Conversation, customer: Customer, message: Message): Promise<ContactDetails | null> {
    const kept = await this.keepContactDetails(conversation, customer, message.text);
    await this.raiseOnComplaint(conversation, customer, message.text);
    return kept;
  }

  private async keepContactDetails(conversation: Conversation, customer: Customer, text: string): Promise<ContactDetails | null> {
    const contact = findContactDetails(text);
    if (!conversation.ticketId || (!contact.email && !contact.phone)) return null;
    const ticket = await this.deps.tickets.get(conversation.ticketId);
    if (!ticket || ticket.status !== 'waiting') return null;
    await this.deps.tickets.change(ticket._id, { $set: { contact: { ...ticket.contact, ...contact } } });
    await this.deps.customers.update(customer._id, contact);
    return contact;
  }

  private async raiseOnComplaint(conversation: Conversation, customer: Customer, text: string): Promise<void> {
    if (!conversation.ticketId) return;
    const complaint = detectComplaint(text);
    if (complaint.complaint) await this.deps.handoff.raiseForComplaint(conversation.ticketId, customer, complaint.reasons);
  }
}
