import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { newId } from '../storage/new-id.js';
import { openTicketStatuses, ticketSchema, type Ticket } from './ticket.js';
import { prioritiesBelow } from './ticket-priority.js';

/** What a new ticket is made from; the repository adds its id, number, status and times. */
export type TicketInput = Pick<Ticket, 'conversationId' | 'customerId' | 'reason' | 'priority'> & Partial<Pick<Ticket, 'contact' | 'subject'>>;

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
  async create(input: TicketInput): Promise<Ticket> {
    return this.insertNumbered(newId('tkt'), input);
  }

  /**
   * Opens the ticket `id` unless it exists, and returns it either way: a handoff tried again
   * (after a failure or a restart), or two at once, get one ticket. See `handoffTicketId`.
   */
  async createOnce(id: string, input: TicketInput & Pick<Ticket, 'handoff'>): Promise<Ticket> {
    const existing = await this.get(id);
    if (existing) return existing;
    return this.insertNumbered(id, input);
  }

  /**
   * Inserts the ticket under the next number. A duplicate id is the other of two handoffs at
   * once (its ticket is returned); a duplicate number means tickets were stored past the
   * counter (restored or imported data): the counter moves past the highest and it is tried again.
   */
  private async insertNumbered(id: string, input: TicketInput & Partial<Pick<Ticket, 'handoff'>>): Promise<Ticket> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tickets.insertOne(await this.waitingTicket(id, input));
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        const winner = await this.get(id);
        if (winner) return winner;
        if (attempt >= 3) throw error;
        const [highest] = await this.tickets.find({}, { sort: { number: -1 }, limit: 1 });
        if (highest) await this.counters.updateOne({ _id: 'tickets' }, { $max: { seq: highest.number } }, { upsert: true });
      }
    }
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

  /**
   * Puts a ticket `agentId` claimed back in the queue (a claim that failed half-way); null
   * when it is no longer that agent's claim.
   */
  release(ticketId: string, agentId: string): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate({ _id: ticketId, status: 'assigned', assigneeId: agentId }, { $set: { assigneeId: null, status: 'waiting', updatedAt: new Date() } });
  }

  /** Closes a ticket nobody has claimed, for a handoff that did not happen; null if it was claimed or closed. */
  withdraw(ticketId: string): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate({ _id: ticketId, status: 'waiting', assigneeId: null }, { $set: { status: 'closed', updatedAt: new Date() } });
  }

  get(id: string): Promise<Ticket | null> {
    return this.tickets.findOne({ _id: id });
  }

  /** Tickets still asking for an agent (waiting or assigned), oldest first. */
  open(): Promise<Ticket[]> {
    return this.tickets.find({ status: { $in: openTicketStatuses } }, { sort: { createdAt: 1 } });
  }

  /** The conversation's tickets still asking for an agent, oldest first. */
  openFor(conversationId: string): Promise<Ticket[]> {
    return this.tickets.find({ conversationId, status: { $in: openTicketStatuses } }, { sort: { createdAt: 1 } });
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

  private async waitingTicket(id: string, input: TicketInput & Partial<Pick<Ticket, 'handoff'>>): Promise<Ticket> {
    const now = new Date();
    return ticketSchema.parse({ _id: id, number: await this.nextNumber(), status: 'waiting', createdAt: now, updatedAt: now, ...input });
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
