import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { attachmentSchema, buttonSchema, linkSchema } from '../core/messages.js';
import { localeSchema } from '../config/config-schema.js';

export const authorKindSchema = z.enum(['customer', 'bot', 'agent', 'system']);

/** How far an outbound message got, from the platform's delivery receipts (WhatsApp statuses). */
export const deliveryStateSchema = z.object({
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  at: z.date(),
  /** Why the platform could not deliver it (failed only). */
  error: z.string().max(500).optional(),
});
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** One line of a transcript. */
export const messageSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  customerId: z.string(),
  channel: channelIdSchema,
  direction: z.enum(['in', 'out']),
  /** Who wrote it; `name` is shown to the customer for agents. */
  author: z.object({ kind: authorKindSchema, id: z.string().optional(), name: z.string().max(200).optional() }),
  text: z.string().max(8000),
  /** Inbound only: what the customer sent besides text (media are named, not stored). */
  attachments: z.array(attachmentSchema).optional(),
  buttons: z.array(buttonSchema).default([]),
  /** How the buttons are meant (a `rating` prompt is shown as stars or numbered text); absent for plain text. */
  kind: z.enum(['choices', 'rating']).optional(),
  /** A link shown with the text (e.g. the article's page). */
  link: linkSchema.optional(),
  locale: localeSchema.optional(),
  /** The button payload the customer pressed. */
  payload: z.string().optional(),
  /** The article and confidence the bot answered with. */
  articleId: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** The chat model that worded the bot's answer from the article (optional OpenAI wording). */
  wordedBy: z.string().optional(),
  /** The platform's id of the message (inbound: as the sender's platform gave it; outbound: once sent). */
  platformMessageId: z.string().optional(),
  /**
   * Inbound only: channel, sender and platform id in one unique key, so a redelivered
   * webhook is stored once and two senders who use the same id never collide.
   */
  inboundKey: z.string().optional(),
  /** Inbound only: stored, but the bot's turn on it has not finished (finished on redelivery or restart). */
  turnPending: z.literal(true).optional(),
  /** Inbound only: the platform's language hint, kept so a turn finished after a restart reads it too. */
  localeHint: z.string().max(35).optional(),
  /** Outbound only: the platform's latest delivery receipt. */
  delivery: deliveryStateSchema.optional(),
  createdAt: z.date(),
});
export type Message = z.infer<typeof messageSchema>;
