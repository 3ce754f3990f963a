import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { outboundMessageSchema, platformAddressSchema } from '../core/messages.js';
import { leaseFields } from '../jobs/lease.js';

/** An outbound send waiting to reach a platform, retried with backoff until it does. */
export const outboxEntrySchema = z.object({
  _id: z.string(),
  channel: channelIdSchema,
  conversationId: z.string(),
  address: platformAddressSchema,
  message: outboundMessageSchema,
  ...leaseFields,
  /** Order within the conversation: entries of one conversation are sent in `seq` order. */
  seq: z.number().default(0),
  platformMessageId: z.string().optional(),
  createdAt: z.date(),
  sentAt: z.date().optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
