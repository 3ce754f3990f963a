import type { AuditLog } from '../accounts/audit-log.js';
import type { CustomerData } from './customer-data.js';
import type { EventBus } from '../events/event-bus.js';
import { segmentSchema } from './customer.js';
import { Router } from 'express';
import { z } from 'zod';
import { requireRole, userOf } from '../accounts/auth.js';
import { NotFoundError } from '../core/app-error.js';
import { validate } from '../http/validate.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { CustomerMerge } from './customer-merge.js';
import type { CustomerRecord } from './customer-record.js';
import type { CustomerRepository } from './customer-repository.js';
import { verifiedContactInputSchema, type VerifiedContacts } from './verified-contacts.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
/** Erasing cannot be undone: the body must say so. */
const eraseBody = z.strictObject({ confirm: z.literal('erase', { error: 'send { "confirm": "erase" }: erasure cannot be undone' }) });

/** What an agent may change on a customer; `null` removes an e-mail or phone. */
const customerPatch = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200),
    segment: segmentSchema,
    tags: z.array(z.string().trim().min(1).max(50)).max(30),
    email: z.email().nullable(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'expected a phone number such as +84 90 123 4567' }).nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'nothing to change: give displayName, segment, tags, email or phone' });

const searchQuery = z.object({ q: z.string().trim().min(2, { error: 'expected at least 2 characters' }).max(100) });
const mergeBody = z.strictObject({ customerId: z.string().min(1).max(100) });

/** What the customer API reads and changes. */
export interface CustomerRouteRepositories {
  customers: CustomerRepository;
  conversations: ConversationRepository;
  verifiedContacts: VerifiedContacts;
  merges: CustomerMerge;
  customerData: CustomerData;
  audit: AuditLog;
}

/**
 * Customers for agents under `/api/customers` (role agent): search, one customer's whole
 * history across channels with identities, verified contacts and merges, `POST
 * /:id/merge { customerId }` to merge another record into this one (same person), and
 * `POST /:id/verified-contacts { email } | { phone }` to confirm a contact, which merges
 * any other customer who owns it; `PATCH /:id { displayName?, segment?, tags?, email?,
 * phone? }` edits the record (null removes a contact), and a VIP's waiting ticket moves up.
 */
export function customerRoutes(repositories: CustomerRouteRepositories, events: EventBus): Router {
  const router = Router();
  router.use(requireRole('agent'));
  const { customers } = repositories;

  const summary = async (id: string): Promise<CustomerRecord> => {
    const customer = await customers.get(id);
    if (!customer) throw new NotFoundError('The customer');
    const [identities, verified, merges, conversations] = await Promise.all([
      customers.identitiesOf(id),
      repositories.verifiedContacts.of(id),
      repositories.merges.history(id),
      repositories.conversations.listByCustomer(id),
    ]);
    return {
      customer,
      identities: identities.map(({ channel, externalId, displayName, createdAt }) => ({ channel, externalId, displayName, createdAt })),
      verifiedContacts: verified.map(({ kind, value, source, verifiedBy, verifiedAt }) => ({ kind, value, source, verifiedBy, verifiedAt })),
      merges: merges.map(({ survivorId, mergedId, reason, actorId, contactKey, status, startedAt, completedAt, moved }) => ({ survivorId, mergedId, reason, actorId, contactKey, status, startedAt, completedAt, moved })),
      conversations: conversations.map(({ _id, channel, state, createdAt, lastMessageAt }) => ({ id: _id, channel, state, createdAt, lastMessageAt })),
    };
  };

  router.get('/', async (req, res) => {
    const { q } = validate(searchQuery, req.query, 'query');
    const found = await customers.search(q);
    const withIdentities = await Promise.all(
      found.map(async (customer) => ({
        id: customer._id,
        displayName: customer.displayName,
        email: customer.email,
        phone: customer.phone,
        segment: customer.segment,
        lastSeenAt: customer.lastSeenAt,
        identities: (await customers.identitiesOf(customer._id)).map(({ channel, externalId }) => ({ channel, externalId })),
      })),
    );
    res.json({ customers: withIdentities });
  });

  router.get('/:id', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    res.json(await summary(id));
  });

  // Data requests (admins): everything held about the customer, and erasure; both audited.
  router.get('/:id/export', requireRole('admin'), async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const data = await repositories.customerData.export(id, userOf(res)._id);
    res.setHeader('content-disposition', `attachment; filename="customer-${id}.json"`);
    res.json(data);
  });
  router.post('/:id/erase', requireRole('admin'), async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    validate(eraseBody, req.body, 'body');
    const erased = await repositories.customerData.erase(id, userOf(res)._id);
    events.emit('customer.erased', { customerId: id, agentId: userOf(res)._id });
    res.json({ erased });
  });

  router.patch('/:id', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const changes = validate(customerPatch, req.body, 'body');
    const updated = await customers.edit(id, changes);
    if (!updated) throw new NotFoundError('The customer');
    events.emit('customer.updated', { customerId: updated._id, agentId: userOf(res)._id });
    await repositories.audit.record({ actor: userOf(res)._id, action: 'customer_updated', target: id, details: { fields: Object.keys(changes) } });
    res.json(await summary(id));
  });

  router.post('/:id/merge', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { customerId } = validate(mergeBody, req.body, 'body');
    const merge = await repositories.merges.merge({ survivorId: id, mergedId: customerId, reason: 'agent', actorId: userOf(res)._id });
    await repositories.audit.record({ actor: userOf(res)._id, action: 'customer_merged', target: id, details: { mergedId: customerId, status: merge.status } });
    res.json({ merge: { survivorId: merge.survivorId, mergedId: merge.mergedId, status: merge.status, moved: merge.moved }, ...(await summary(id)) });
  });

  router.post('/:id/verified-contacts', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const contact = validate(verifiedContactInputSchema, req.body, 'body');
    const result = await repositories.verifiedContacts.verify(id, contact, 'agent', userOf(res)._id);
    res.status(201).json({ mergedInto: result.merge ? result.customerId : null, ...(await summary(result.customerId)) });
  });

  return router;
}
