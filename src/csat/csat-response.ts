import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { localeSchema } from '../config/config-schema.js';
import { segmentSchema } from '../customers/customer.js';

/** One satisfaction rating, with what a report needs recorded at the time. */
export const csatResponseSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  ticketId: z.string().optional(),
  customerId: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(4000).optional(),
  /** The agent who owned the conversation when it was resolved (recorded then, not looked up). */
  agentId: z.string().optional(),
  handledBy: z.enum(['bot', 'agent']),
  channel: channelIdSchema,
  locale: localeSchema,
  segment: segmentSchema,
  promptedAt: z.date(),
  answeredAt: z.date(),
});
export type CsatResponse = z.infer<typeof csatResponseSchema>;
