import { z } from 'zod';
import { AppError, NotFoundError } from '../core/app-error.js';
import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import type { CustomerMerge, CustomerMergeRecord } from './customer-merge.js';
import type { Customer } from './customer.js';

/**
 * Who vouches for a contact. Careline treats an e-mail address or phone number as
 * verified only when someone other than the customer vouches for it:
 * - `platform`: the channel itself proves it (WhatsApp's sender phone number);
 * - `agent`: an agent confirmed it with the customer (a call back, an order record);
 * - `host_site`: the website that embeds the widget identified its logged-in user (reserved:
 *   the widget cannot pass a signed identity yet).
 * What a customer merely typed into a chat (the contact left for an agent) is never
 * verified and never links customers.
 */
export const contactSourceSchema = z.enum(['platform', 'agent', 'host_site']);
export type ContactSource = z.infer<typeof contactSourceSchema>;

/** A contact to verify: an e-mail address, or a phone number in international form (`+84 90 123 4567`). */
export const verifiedContactInputSchema = z.union([
  z.strictObject({ email: z.email({ error: 'expected an e-mail address' }).max(254) }),
  z.strictObject({
    phone: z
      .string()
      .regex(/^(\+|00)?[0-9][0-9 ().-]{5,24}$/, { error: 'expected a phone number in international form, such as +84 90 123 4567' })
      .refine((phone) => /^(\+|00)/.test(phone.trim()), { error: 'expected the country code first (+84 …), so numbers from different channels compare equal' }),
  }),
]);
export type VerifiedContactInput = z.infer<typeof verifiedContactInputSchema>;

/** A verified contact, unique across customers (`_id` is the normalized key). */
export const verifiedContactSchema = z.object({
  _id: z.string(),
  customerId: z.string(),
  kind: z.enum(['email', 'phone']),
  value: z.string(),
  source: contactSourceSchema,
  verifiedBy: z.string().optional(),
  verifiedAt: z.date(),
});
export type VerifiedContact = z.infer<typeof verifiedContactSchema>;

/** The normalized key of a contact: `email:lan@shop.vn`, `phone:84901234567` (digits, country code first). */
export function contactKey(contact: VerifiedContactInput): string {
  if ('email' in contact) return `email:${contact.email.trim().toLowerCase()}`;
  return `phone:${contact.phone.trim().replace(/^00/, '').replace(/\D/g, '')}`;
}

/**
 * Verified e-mail addresses and phone numbers, each owned by one customer. Verifying a
 * contact another customer already owns means both records are one person: they are
 * merged, the older record surviving (`verified_email` / `verified_phone` in the audit).
 */
export class VerifiedContacts {
  private readonly contacts;
  private readonly customers;

  constructor(
    store: DocumentStore,
    private readonly merger: CustomerMerge,
  ) {
    this.contacts = store.collection<VerifiedContact>('verified_contacts');
    this.customers = store.collection<Customer>('customers');
  }

  /** Records `contact` as verified for `customerId`; returns the customer it belongs to now and the merge it caused, if any. */
  async verify(customerId: string, contact: VerifiedContactInput, source: ContactSource, verifiedBy?: string): Promise<{ customerId: string; merge: CustomerMergeRecord | null }> {
    const customer = await this.customers.findOne({ _id: customerId });
    if (!customer) throw new NotFoundError('The customer');
    if (customer.mergedInto) throw new AppError(409, 'conflict', `The customer was merged into ${customer.mergedInto}; verify the contact there.`);
    const key = contactKey(contact);
    const kind = 'email' in contact ? 'email' : 'phone';
    const value = 'email' in contact ? contact.email.trim().toLowerCase() : `+${key.slice('phone:'.length)}`;
    try {
      await this.contacts.insertOne({ _id: key, customerId, kind, value, source, ...(verifiedBy ? { verifiedBy } : {}), verifiedAt: new Date() });
      await this.customers.updateOne({ _id: customerId, [kind]: { $exists: false } }, { $set: { [kind]: value, updatedAt: new Date() } });
      return { customerId, merge: null };
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    const owner = await this.contacts.findOne({ _id: key });
    if (!owner || owner.customerId === customerId) return { customerId, merge: null };
    const other = await this.customers.findOne({ _id: owner.customerId });
    if (!other) throw new NotFoundError('The customer who owns that contact');
    const [survivor, merged] = other.createdAt <= customer.createdAt ? [other, customer] : [customer, other];
    const merge = await this.merger.merge({ survivorId: survivor._id, mergedId: merged._id, reason: kind === 'email' ? 'verified_email' : 'verified_phone', contactKey: key, ...(verifiedBy ? { actorId: verifiedBy } : {}) });
    return { customerId: survivor._id, merge };
  }

  /**
   * Links the customer to the contact their channel vouches for, if it does (see
   * `platformContact`); returns the customer they are now (the survivor, after a merge).
   * Costs one read per message once the contact is recorded.
   */
  async fromPlatform(customer: Customer, contact: VerifiedContactInput | null): Promise<Customer> {
    if (!contact) return customer;
    const owner = await this.contacts.findOne({ _id: contactKey(contact) });
    if (owner?.customerId === customer._id) return customer;
    const { customerId } = await this.verify(customer._id, contact, 'platform');
    return customerId === customer._id ? customer : ((await this.customers.findOne({ _id: customerId })) ?? customer);
  }

  /** The verified contacts of a customer. */
  of(customerId: string): Promise<VerifiedContact[]> {
    return this.contacts.find({ customerId }, { sort: { verifiedAt: 1 } });
  }
}

/**
 * The contact a channel itself vouches for: on WhatsApp the sender id is the phone number
 * WhatsApp verified (`84901234567`). Other channels vouch for none.
 */
export function platformContact(channel: string, externalUserId: string): VerifiedContactInput | null {
  return channel === 'whatsapp' && /^[1-9][0-9]{6,14}$/.test(externalUserId) ? { phone: `+${externalUserId}` } : null;
}
