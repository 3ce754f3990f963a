import { z } from 'zod';
import { conversationSchema } from '../conversations/conversation.js';
import { customerIdentitySchema, customerSchema } from './customer.js';
import { customerMergeSchema } from './customer-merge.js';
import { verifiedContactSchema } from './verified-contacts.js';

/**
 * What `GET /api/customers/:id` answers (the console's customer panel): the customer with
 * the channels they are known on, their verified contacts, the merges they took part in
 * and their conversations. Cut from the domain schemas; the route is typed by it and
 * `GET /api/schemas` serves it as `customerRecord`.
 */
export const customerRecordSchema = z.object({
  customer: customerSchema,
  identities: z.array(customerIdentitySchema.pick({ channel: true, externalId: true, displayName: true, createdAt: true })),
  verifiedContacts: z.array(verifiedContactSchema.pick({ kind: true, value: true, source: true, verifiedBy: true, verifiedAt: true })),
  merges: z.array(customerMergeSchema.pick({ survivorId: true, mergedId: true, reason: true, actorId: true, contactKey: true, status: true, startedAt: true, completedAt: true, moved: true })),
  conversations: z.array(conversationSchema.pick({ channel: true, state: true, createdAt: true, lastMessageAt: true }).extend({ id: z.string() })),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;
