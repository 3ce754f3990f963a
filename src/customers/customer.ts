import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { localeSchema } from '../config/config-schema.js';

export const segmentSchema = z.enum(['new', 'regular', 'vip']);
export type Segment = z.infer<typeof segmentSchema>;

/** A person the business serves, one record across all channels. */
export const customerSchema = z.object({
  _id: z.string(),
  displayName: z.string().max(200).optional(),
  segment: segmentSchema.default('new'),
  locale: localeSchema.optional(),
  email: z.email().optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/).optional(),
  tags: z.array(z.string().max(50)).default([]),
  /** Set when an agent or a verified contact merged this record into another: that one is the person now. */
  mergedInto: z.string().optional(),
  /** Set when the customer's data was erased on request: the record stays for the reports' counts, without who they are. */
  erasedAt: z.date().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  lastSeenAt: z.date(),
});
export type Customer = z.infer<typeof customerSchema>;

/**
 * One identity of a customer on one channel (`telegram:12345`). The `_id` is the unique
 * key, so two first messages racing from the same person create one customer.
 */
export const customerIdentitySchema = z.object({
  _id: z.string(),
  customerId: z.string(),
  channel: channelIdSchema,
  externalId: z.string().min(1),
  displayName: z.string().max(200).optional(),
  createdAt: z.date(),
});
export type CustomerIdentity = z.infer<typeof customerIdentitySchema>;

/** The identity key of a customer on a channel. */
export function identityKey(channel: string, externalId: string): string {
  return `${channel}:${externalId}`;
}
