import type { AuditLog } from '../accounts/audit-log.js';
import { NotFoundError } from '../core/app-error.js';
import { openStates } from '../conversations/conversation.js';
import type { DocumentStore } from '../storage/document-store.js';

type Doc = Record<string, unknown> & { _id: string };

/** What Careline holds about one customer, as `careline customers export` and the admin API give it. */
export interface CustomerExport {
  exportedAt: string;
  customer: Doc;
  identities: Doc[];
  conversations: Doc[];
  messages: Doc[];
  tickets: Doc[];
  surveyAnswers: Doc[];
  verifiedContacts: Doc[];
  merges: Doc[];
}

/** How much an erasure changed, per collection. */
export type ErasureReport = Record<string, number>;

const erased = '[erased]';

/**
 * A customer's data requests: everything held about them as JSON (`export`), and erasure
 * (`erase`): their words, names, contacts and platform ids are removed or blanked everywhere,
 * agents' internal notes on their tickets keep only who wrote them and when, and nothing of
 * theirs stays open (no queue entry nobody could answer), while the records reports count
 * (conversations, messages, tickets, ratings) stay without them. Both are written to the
 * audit log with who did it. The collections are read by name, since they belong to the
 * folders above this one.
 */
export class CustomerData {
  constructor(
    private readonly store: DocumentStore,
    private readonly audit: AuditLog,
  ) {}

  private collection(name: string) {
    return this.store.collection<Doc>(name);
  }

  async export(customerId: string, actor: string): Promise<CustomerExport> {
    const customer = await this.collection('customers').findOne({ _id: customerId });
    if (!customer) throw new NotFoundError('The customer');
    const byCustomer = { customerId };
    const [identities, conversations, messages, tickets, csatAnswers, npsCesAnswers, verifiedContacts, merges] = await Promise.all([
      this.collection('customer_identities').find(byCustomer),
      this.collection('conversations').find(byCustomer, { sort: { createdAt: 1 } }),
      this.collection('messages').find(byCustomer, { sort: { createdAt: 1, _id: 1 } }),
      this.collection('tickets').find(byCustomer, { sort: { number: 1 } }),
      this.collection('csat_responses').find(byCustomer),
      this.collection('survey_responses').find(byCustomer),
      this.collection('verified_contacts').find(byCustomer),
      this.collection('customer_merges').find({ $or: [{ survivorId: customerId }, { mergedId: customerId }] }),
    ]);
    await this.audit.record({ actor, action: 'customer_exported', target: customerId, details: { messages: messages.length, conversations: conversations.length } });
    // CSAT answers first, as before NPS and CES; those carry their `kind`.
    const surveyAnswers = [...csatAnswers, ...npsCesAnswers];
    return { exportedAt: new Date().toISOString(), customer, identities, conversations, messages, tickets, surveyAnswers, verifiedContacts, merges };
  }

  async erase(customerId: string, actor: string): Promise<ErasureReport> {
    const customer = await this.collection('customers').findOne({ _id: customerId });
    if (!customer) throw new NotFoundError('The customer');
    const byCustomer = { customerId };
    const conversationIds = (await this.collection('conversations').find(byCustomer)).map((conversation) => conversation._id);
    const report: ErasureReport = {};
    const count = async (name: string, work: Promise<number | { modifiedCount: number }>) => {
      const result = await work;
      report[name] = typeof result === 'number' ? result : result.modifiedCount;
    };
    // Who they are, wherever a reply quoted it ("we have noted thu@example.com, 0912…").
    const identities = await this.collection('customer_identities').find(byCustomer);
    const personal = [customer.displayName, customer.email, customer.phone, ...identities.map((identity) => identity.externalId)].filter((value): value is string => typeof value === 'string' && value.length >= 3);
    let quoted = 0;
    for (const message of await this.collection('messages').find({ ...byCustomer, 'author.kind': { $ne: 'customer' } })) {
      const text = String(message.text ?? '');
      const blanked = personal.reduce((current, value) => current.split(value).join(erased), text);
      if (blanked === text) continue;
      await this.collection('messages').updateOne({ _id: message._id }, { $set: { text: blanked } });
      quoted++;
    }
    report.replies_quoting_them = quoted;
    // Their words and media, in the transcript and in replies still queued for them.
    await count('messages', this.collection('messages').updateMany({ ...byCustomer, 'author.kind': 'customer' }, { $set: { text: erased }, $unset: { attachments: '', payload: '', 'author.name': '', localeHint: '' } }));
    await count('outbox', this.collection('outbox').deleteMany({ conversationId: { $in: conversationIds }, status: { $ne: 'sent' } }));
    await count('question_log', this.collection('question_log').deleteMany(byCustomer));
    await count('tickets', this.collection('tickets').updateMany(byCustomer, { $unset: { subject: '', contact: '' } }));
    report.ticket_notes = await this.eraseNotes(customerId);
    await this.closeOpen(customerId, report);
    await count('survey_comments', this.collection('csat_responses').updateMany(byCustomer, { $unset: { comment: '' } }));
    await count('nps_ces_comments', this.collection('survey_responses').updateMany(byCustomer, { $unset: { comment: '' } }));
    // Where to reach them on each platform, and who they are.
    await count('conversations', this.collection('conversations').updateMany(byCustomer, { $set: { address: {} } }));
    await count('identities', this.collection('customer_identities').deleteMany(byCustomer));
    await count('verified_contacts', this.collection('verified_contacts').deleteMany(byCustomer));
    await this.collection('customers').updateOne({ _id: customerId }, { $unset: { displayName: '', email: '', phone: '', locale: '' }, $set: { tags: [], erasedAt: new Date(), updatedAt: new Date() } });
    await this.audit.record({ actor, action: 'customer_erased', target: customerId, details: report });
    return report;
  }

  /** Agents' notes on the customer's tickets (they quote the customer): the text goes, that a note was written, by whom and when stays. Returns how many. */
  private async eraseNotes(customerId: string): Promise<number> {
    let erasedNotes = 0;
    for (const ticket of await this.collection('tickets').find({ customerId })) {
      const notes = Array.isArray(ticket.notes) ? (ticket.notes as Doc[]) : [];
      if (notes.every((note) => note.text === erased)) continue;
      await this.collection('tickets').updateOne({ _id: ticket._id }, { $set: { notes: notes.map((note) => ({ ...note, text: erased })) } });
      erasedNotes += notes.filter((note) => note.text !== erased).length;
    }
    return erasedNotes;
  }

  /**
   * Closes the customer's open conversations and then their waiting or assigned tickets: with
   * no address left nobody could answer them, and the queue would keep showing a nameless
   * customer. The conversations go first, so a stop in between leaves an open ticket of a
   * closed conversation, which the handoff repair settles, never a waiting conversation
   * without a ticket (which it would reopen).
   */
  private async closeOpen(customerId: string, report: ErasureReport): Promise<void> {
    const now = new Date();
    const open = { customerId, state: { $in: openStates } };
    const conversations = await this.collection('conversations').updateMany(open, { $set: { state: 'closed', ownerId: null, closedAt: now, updatedAt: now }, $unset: { openKey: '' } });
    report.conversations_closed = conversations.modifiedCount;
    // The handoff folder's `openTicketStatuses`; it sits above this one.
    const openTickets = { customerId, status: { $in: ['waiting', 'assigned'] } };
    const tickets = await this.collection('tickets').updateMany(openTickets, { $set: { status: 'closed', updatedAt: now } });
    report.tickets_closed = tickets.modifiedCount;
  }
}
