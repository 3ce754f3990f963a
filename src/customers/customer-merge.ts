import { z } from 'zod';
import { ConflictError, NotFoundError, AppError } from '../core/app-error.js';
import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { openConversationKey, openStates, type Conversation } from '../conversations/conversation.js';
import { segmentSchema, type Customer, type Segment } from './customer.js';

/** Why two customer records became one. */
export const mergeReasonSchema = z.enum(['agent', 'verified_email', 'verified_phone']);
export type MergeReason = z.infer<typeof mergeReasonSchema>;

/**
 * The audit record of one merge, one per merged customer (`_id` = `merge:<mergedId>`): who
 * merged whom into whom, why, when, what the merged record looked like, and how much moved.
 */
export const customerMergeSchema = z.object({
  _id: z.string(),
  survivorId: z.string(),
  mergedId: z.string(),
  reason: mergeReasonSchema,
  /** The agent who merged, or who confirmed the contact that linked the two. */
  actorId: z.string().optional(),
  /** The verified contact that linked them (`phone:84901234567`), for automatic merges. */
  contactKey: z.string().optional(),
  status: z.enum(['started', 'completed']),
  mergedSnapshot: z.record(z.string(), z.unknown()),
  moved: z.record(z.string(), z.number()).default({}),
  startedAt: z.date(),
  completedAt: z.date().optional(),
});
export type CustomerMergeRecord = z.infer<typeof customerMergeSchema>;

/** Collections whose documents name a customer in `customerId`; a merge moves them all. */
export const customerOwnedCollections = ['customer_identities', 'messages', 'tickets', 'csat_responses', 'csat_prompts', 'question_log', 'verified_contacts'] as const;

const segmentRank: Record<Segment, number> = { new: 0, regular: 1, vip: 2 };

/** The survivor's profile completed from the merged one: its own values win, tags are joined, the higher segment is kept. */
function combinedProfile(survivor: Customer, merged: Customer): Partial<Customer> {
  const higher = segmentRank[merged.segment] > segmentRank[survivor.segment] ? merged.segment : survivor.segment;
  return {
    ...(survivor.displayName === undefined && merged.displayName !== undefined ? { displayName: merged.displayName } : {}),
    ...(survivor.email === undefined && merged.email !== undefined ? { email: merged.email } : {}),
    ...(survivor.phone === undefined && merged.phone !== undefined ? { phone: merged.phone } : {}),
    ...(survivor.locale === undefined && merged.locale !== undefined ? { locale: merged.locale } : {}),
    segment: segmentSchema.parse(higher),
    tags: [...new Set([...survivor.tags, ...merged.tags])],
    createdAt: merged.createdAt < survivor.createdAt ? merged.createdAt : survivor.createdAt,
  };
}

/**
 * Makes two customer records one person: every identity, conversation, message, ticket,
 * CSAT response and logged question of `mergedId` moves to `survivorId`, the survivor's
 * profile is completed from the merged one, and the merged record stays (marked
 * `mergedInto`) so nothing is lost and old references still resolve. The audit record is
 * written first; every step is a re-runnable "move whatever still names the merged
 * customer", so a merge interrupted by a crash completes when asked again, and asking
 * again after it completed changes nothing.
 */
export class CustomerMerge {
  private readonly store: DocumentStore;
  private readonly customers;
  private readonly merges;
  private readonly conversations;

  constructor(store: DocumentStore) {
    this.store = store;
    this.customers = store.collection<Customer>('customers');
    this.merges = store.collection<CustomerMergeRecord>('customer_merges');
    this.conversations = store.collection<Conversation>('conversations');
  }

  async merge(input: { survivorId: string; mergedId: string; reason: MergeReason; actorId?: string; contactKey?: string }): Promise<CustomerMergeRecord> {
    const { survivorId, mergedId } = input;
    if (survivorId === mergedId) throw new AppError(400, 'invalid_request', 'A customer cannot be merged with itself.');
    const [survivor, merged] = await Promise.all([this.customers.findOne({ _id: survivorId }), this.customers.findOne({ _id: mergedId })]);
    if (!survivor) throw new NotFoundError('The customer to keep');
    if (!merged) throw new NotFoundError('The customer to merge');
    if (survivor.mergedInto) throw new ConflictError(`The customer to keep was itself merged into ${survivor.mergedInto}; merge into that one.`);
    const record = await this.begin(input, merged);
    if (record.status === 'completed') return record;

    await this.customers.updateOne({ _id: mergedId }, { $set: { mergedInto: survivorId, updatedAt: new Date() } });
    const moved: Record<string, number> = {};
    moved.conversations = await this.moveConversations(mergedId, survivorId);
    for (const name of customerOwnedCollections) {
      const { modifiedCount } = await this.store.collection<{ _id: string; customerId: string }>(name).updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } });
      moved[name] = modifiedCount;
    }
    // A merged customer's earlier merges now point at the survivor, so chains stay one hop.
    await this.customers.updateMany({ mergedInto: mergedId }, { $set: { mergedInto: survivorId } });
    const fresh = await this.customers.findOne({ _id: survivorId });
    await this.customers.updateOne({ _id: survivorId }, { $set: { ...combinedProfile(fresh ?? survivor, merged), updatedAt: new Date() } });
    const done = await this.merges.findOneAndUpdate({ _id: record._id }, { $set: { status: 'completed', completedAt: new Date(), moved } });
    return customerMergeSchema.parse(done);
  }

  /** The merges into or of a customer, newest first (the audit trail the console shows). */
  history(customerId: string): Promise<CustomerMergeRecord[]> {
    return this.merges.find({ $or: [{ survivorId: customerId }, { mergedId: customerId }] }, { sort: { startedAt: -1 } });
  }

  private async begin(input: { survivorId: string; mergedId: string; reason: MergeReason; actorId?: string; contactKey?: string }, merged: Customer): Promise<CustomerMergeRecord> {
    const record = customerMergeSchema.parse({
      _id: `merge:${input.mergedId}`,
      survivorId: input.survivorId,
      mergedId: input.mergedId,
      reason: input.reason,
      ...(input.actorId ? { actorId: input.actorId } : {}),
      ...(input.contactKey ? { contactKey: input.contactKey } : {}),
      status: 'started',
      mergedSnapshot: { ...merged },
      startedAt: new Date(),
    });
    try {
      return await this.merges.insertOne(record);
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const existing = await this.merges.findOne({ _id: record._id });
      if (!existing) throw error;
      if (existing.survivorId !== input.survivorId) throw new ConflictError(`That customer was already merged into ${existing.survivorId}.`);
      return existing;
    }
  }

  /**
   * Moves the conversations. An open one keeps being found for new messages under the
   * survivor's open key, unless the survivor already has an open conversation on that
   * channel: then it keeps its own key until it is resolved, and both stay visible.
   */
  private async moveConversations(mergedId: string, survivorId: string): Promise<number> {
    let moved = 0;
    for (const conversation of await this.conversations.find({ customerId: mergedId })) {
      const isOpen = openStates.includes(conversation.state) && conversation.openKey !== undefined;
      const survivorKey = openConversationKey(survivorId, conversation.channel);
      let rekey = false;
      if (isOpen) rekey = (await this.conversations.countDocuments({ openKey: survivorKey })) === 0;
      try {
        await this.conversations.updateOne({ _id: conversation._id, customerId: mergedId }, { $set: { customerId: survivorId, ...(rekey ? { openKey: survivorKey } : {}) } });
      } catch (error) {
        // The survivor opened a conversation on this channel a moment ago: keep this one's key.
        if (!(error instanceof DuplicateKeyError)) throw error;
        await this.conversations.updateOne({ _id: conversation._id, customerId: mergedId }, { $set: { customerId: survivorId } });
      }
      moved++;
    }
    return moved;
  }
}
