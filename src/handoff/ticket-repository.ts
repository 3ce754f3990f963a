import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { newId } from '../storage/new-id.js';
import { ticketSchema, type Ticket } from './ticket.js';
import { prioritiesBelow } from './ticket-priority.js';

interface Counter {
  _id: string;
  seq: number;
}

/** Tickets: sequential numbers, single-owner claims, the waiting queue. */
export class TicketRepository {
  private readonly tickets;
  private readonly counters;

  constructor(store: DocumentStore) {
    this.tickets = store.collection<Ticket>('tickets');
    this.counters = store.collection<Counter>('counters');
  }

  /** Opens a ticket with the next number (no duplicates, no gaps under concurrency). */
  async create(input: Pick<Ticket, 'conversationId' | 'customerId' | 'reason' | 'priority'> & Partial<Pick<Ticket, 'contact' | 'subject'>>): Promise<Ticket> {
    const now = new Date();
    const number = await this.nextNumber();
    const ticket = ticketSchema.parse({ _id: newId('tkt'), number, status: 'waiting', createdAt: now, updatedAt: now, ...input });
    return this.tickets.insertOne(ticket);
  }

  /**
   * Gives a waiting ticket to `agentId` only if nobody owns it; of two agents claiming at
   * once exactly one gets the ticket, the other gets null.
   */
  claim(ticketId: string, agentId: string): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate(
      { _id: ticketId, status: 'waiting', assigneeId: null },
      { $set: { assigneeId: agentId, status: 'assigned', updatedAt: new Date() } },
    );
  }

  get(id: string): Promise<Ticket | null> {
    return this.tickets.findOne({ _id: id });
  }

  /** Waiting tickets, oldest first; the handoff part orders them by priority on top. */
  waiting(): Promise<Ticket[]> {
    return this.tickets.find({ status: 'waiting' }, { sort: { createdAt: 1 } });
  }

  /** Tickets matching a filter (status, priority, assignee), newest first. */
  list(filter: Partial<Pick<Ticket, 'status' | 'priority' | 'assigneeId'>>, limit = 100): Promise<Ticket[]> {
    return this.tickets.find(filter, { sort: { createdAt: -1 }, limit });
  }

  /** Applies a change to a ticket; null if it does not exist. */
  change(id: string, update: { $set?: Partial<Ticket>; $push?: { notes: Ticket['notes'][number] } }): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate({ _id: id }, { ...update, $set: { ...update.$set, updatedAt: new Date() } });
  }

  /**
   * Raises a waiting ticket to `priority` in one step, only if it is lower now: never lowers
   * it, and of two raises at once the second finds nothing to do. Null when nothing changed.
   */
  raisePriority(id: string, priority: Ticket['priority']): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate({ _id: id, status: 'waiting', priority: { $in: prioritiesBelow(priority) } }, { $set: { priority, updatedAt: new Date() } });
  }

  /** Appends an internal note; null if the ticket does not exist. */
  addNote(id: string, authorId: string, text: string): Promise<Ticket | null> {
    return this.change(id, { $push: { notes: { _id: newId('note'), authorId, text, createdAt: new Date() } } });
  }

  /** Stamps the first response, once: later replies leave it as it is. */
  async markFirstResponse(id: string, at = new Date()): Promise<void> {
    await this.tickets.updateOne({ _id: id, firstResponseAt: { $exists: false } }, { $set: { firstResponseAt: at, updatedAt: at } });
  }

  private async nextNumber(): Promise<number> {
    // Two first-ever upserts can race on MongoDB; the loser sees a duplicate key and retries.
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.counters.findOneAndUpdate({ _id: 'tickets' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
        if (!counter) throw new Error('The ticket counter upsert returned nothing');
        return counter.seq;
      } catch (error) {
        if (!(error instanceof DuplicateKeyError) || attempt >= 3) throw error;
      }
    }
  }
}
