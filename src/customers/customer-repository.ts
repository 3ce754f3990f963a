import { foldedPattern } from '../core/folded-pattern.js';
import type { ChannelId } from '../core/channel-id.js';
import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { newId } from '../storage/new-id.js';
import { customerIdentitySchema, customerSchema, identityKey, type Customer, type CustomerIdentity } from './customer.js';

/** Customers and their per-channel identities. */
export class CustomerRepository {
  private readonly customers;
  private readonly identities;

  constructor(store: DocumentStore) {
    this.customers = store.collection<Customer>('customers');
    this.identities = store.collection<CustomerIdentity>('customer_identities');
  }

  /**
   * The customer behind a channel identity, created on first contact. Safe under races:
   * the identity key is unique, so two first messages at once make one customer.
   */
  async findOrCreateByIdentity(channel: ChannelId, externalId: string, profile: { displayName?: string } = {}): Promise<Customer> {
    const key = identityKey(channel, externalId);
    const known = await this.identities.findOne({ _id: key });
    if (known) return this.current(await this.touch(known.customerId));
    const now = new Date();
    const customer = customerSchema.parse({ _id: newId('cus'), ...profile, createdAt: now, updatedAt: now, lastSeenAt: now });
    const identity = customerIdentitySchema.parse({ _id: key, customerId: customer._id, channel, externalId, ...profile, createdAt: now });
    try {
      await this.identities.insertOne(identity);
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const winner = await this.identities.findOne({ _id: key });
      if (!winner) throw error;
      return this.current(await this.touch(winner.customerId));
    }
    return this.customers.insertOne(customer);
  }

  /** The customer behind a channel identity, or null if that identity never wrote. */
  async findByIdentity(channel: ChannelId, externalId: string): Promise<Customer | null> {
    const known = await this.identities.findOne({ _id: identityKey(channel, externalId) });
    return known ? this.customers.findOne({ _id: known.customerId }) : null;
  }

  /**
   * The person a record stands for now: itself, or the customer it was merged into (an
   * identity read just before a merge moved it may still name the merged record).
   */
  async current(customer: Customer): Promise<Customer> {
    if (!customer.mergedInto) return customer;
    return (await this.customers.findOne({ _id: customer.mergedInto })) ?? customer;
  }

  /**
   * Customers whose name, e-mail, phone, id or channel id contains `query` (case-insensitive),
   * merged records excluded; for the console's "same person" search.
   */
  /** Applies an agent's edit (`null` unsets a contact); null when there is no such customer. */
  async edit(id: string, changes: { displayName?: string; segment?: Customer['segment']; tags?: string[]; email?: string | null; phone?: string | null }): Promise<Customer | null> {
    const $set: Record<string, unknown> = { updatedAt: new Date() };
    const $unset: Record<string, ''> = {};
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) $unset[field] = '';
      else if (value !== undefined) $set[field] = field === 'tags' ? [...new Set(value as string[])] : value;
    }
    return this.customers.findOneAndUpdate({ _id: id, mergedInto: { $exists: false } }, { $set, ...(Object.keys($unset).length ? { $unset } : {}) });
  }

  /** Customers (not merged away) with this e-mail or phone, newest first. */
  findByContact(contact: { email?: string; phone?: string }): Promise<Customer[]> {
    const or = [...(contact.email ? [{ email: contact.email.toLowerCase() }] : []), ...(contact.phone ? [{ phone: contact.phone }] : [])];
    return or.length ? this.customers.find({ mergedInto: { $exists: false }, $or: or }, { sort: { lastSeenAt: -1 }, limit: 5 }) : Promise.resolve([]);
  }

  /** Every customer not merged away, oldest first (exports). */
  all(): Promise<Customer[]> {
    return this.customers.find({ mergedInto: { $exists: false } }, { sort: { createdAt: 1 } });
  }

  async search(query: string, limit = 20): Promise<Customer[]> {
    // Accents optional: "tran thi" finds "Trần Thị Hoa".
    const pattern = foldedPattern(query);
    const viaIdentity = await this.identities.find({ externalId: pattern }, { limit });
    return this.customers.find(
      { mergedInto: { $exists: false }, $or: [{ displayName: pattern }, { email: pattern }, { phone: pattern }, { _id: pattern }, { _id: { $in: viaIdentity.map((identity) => identity.customerId) } }] },
      { sort: { lastSeenAt: -1 }, limit },
    );
  }

  /**
   * Gives a known customer a new channel identity (a deep link opened on Telegram):
   * true when the identity now names this customer; false when the customer does not
   * exist or the identity already belongs to someone else (merging is not this).
   */
  async attachIdentity(customerId: string, channel: ChannelId, externalId: string): Promise<boolean> {
    const customer = await this.customers.findOne({ _id: customerId });
    if (!customer) return false;
    const key = identityKey(channel, externalId);
    try {
      await this.identities.insertOne(customerIdentitySchema.parse({ _id: key, customerId, channel, externalId, createdAt: new Date() }));
      return true;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      return (await this.identities.findOne({ _id: key }))?.customerId === customerId;
    }
  }

  async get(id: string): Promise<Customer | null> {
    return this.customers.findOne({ _id: id });
  }

  identitiesOf(customerId: string): Promise<CustomerIdentity[]> {
    return this.identities.find({ customerId }, { sort: { createdAt: 1 } });
  }

  /** Changes profile fields (segment, contact details, tags, locale). */
  async update(id: string, changes: Partial<Pick<Customer, 'displayName' | 'segment' | 'locale' | 'email' | 'phone' | 'tags'>>): Promise<Customer | null> {
    const valid = customerSchema.pick({ displayName: true, segment: true, locale: true, email: true, phone: true, tags: true }).partial().parse(changes);
    return this.customers.findOneAndUpdate({ _id: id }, { $set: { ...valid, updatedAt: new Date() } });
  }

  private async touch(customerId: string): Promise<Customer> {
    // The identity is written before the customer, so a racing reader may arrive first.
    for (let attempt = 0; attempt < 20; attempt++) {
      const now = new Date();
      // lastSeenAt is kept to the minute: a customer writing fast costs one write a minute, not one a message.
      const seen = await this.customers.findOne({ _id: customerId });
      if (seen && now.getTime() - seen.lastSeenAt.getTime() < 60_000) return seen;
      const customer = seen && (await this.customers.findOneAndUpdate({ _id: customerId }, { $set: { lastSeenAt: now } }));
      if (customer) return customer;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // A process stopped between writing the identity and its customer: make the customer now,
    // or the person could never write again.
    const now = new Date();
    try {
      return await this.customers.insertOne(customerSchema.parse({ _id: customerId, createdAt: now, updatedAt: now, lastSeenAt: now }));
    } catch (error) {
      const raced = error instanceof DuplicateKeyError ? await this.customers.findOne({ _id: customerId }) : null;
      if (!raced) throw error;
      return raced;
    }
  }
}
