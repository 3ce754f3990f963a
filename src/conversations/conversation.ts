import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { platformAddressSchema } from '../core/messages.js';
import { localeSchema } from '../config/config-schema.js';

/** bot → waiting (for an agent) → with_agent → resolved → closed; the engine owns transitions. */
export const conversationStateSchema = z.enum(['bot', 'waiting', 'with_agent', 'resolved', 'closed']);
export type ConversationState = z.infer<typeof conversationStateSchema>;

/** One conversation of one customer on one channel. */
export const conversationSchema = z.object({
  _id: z.string(),
  customerId: z.string(),
  channel: channelIdSchema,
  /** Where to send later (agent replies, CSAT prompts); only the channel reads it. */
  address: platformAddressSchema,
  state: conversationStateSchema,
  locale: localeSchema.optional(),
  /** The agent who owns the conversation, while one does. */
  ownerId: z.string().nullable().default(null),
  ticketId: z.string().optional(),
  /** Handoffs to the agents so far; the next one's ticket is `handoffTicketId(_id, handoffs + 1)`. */
  handoffs: z.number().int().min(0).optional(),
  /** `customerId:channel` while the conversation is open, absent after: unique, so one customer has one open conversation per channel. */
  openKey: z.string().optional(),
  /** Unanswered questions in a row, for escalation. */
  missCount: z.number().int().min(0).default(0),
  createdAt: z.date(),
  updatedAt: z.date(),
  lastMessageAt: z.date(),
  lastCustomerMessageAt: z.date().optional(),
  resolvedAt: z.date().optional(),
  closedAt: z.date().optional(),
  /** Report facts, stamped as they happen (see `ConversationFacts`): the bot answered a question. */
  botAnswered: z.boolean().optional(),
  /** It was handed to a person (kept after a hand-back, unlike `ticketId`). */
  escalated: z.boolean().optional(),
  /** The customer came back with a new request within 7 days after it. */
  repeatContact: z.boolean().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** States in which a new customer message continues the conversation. */
export const openStates: ConversationState[] = ['bot', 'waiting', 'with_agent'];

/** The key that makes a customer's open conversation on a channel unique. */
export function openConversationKey(customerId: string, channel: string): string {
  return `${customerId}:${channel}`;
}
