import { z } from 'zod';
import { localeSchema } from './locale.js';
import { channelIdSchema } from './channel-id.js';

/** A button a customer can press; `payload` comes back as the inbound `payload`. */
export const buttonSchema = z.object({ label: z.string().min(1).max(80), payload: z.string().min(1).max(256) });
export type Button = z.infer<typeof buttonSchema>;

/**
 * Where to write to a customer later without them writing first (agent replies, CSAT):
 * opaque to the engine, meaningful only to the channel that made it.
 */
export const platformAddressSchema = z.record(z.string(), z.unknown());
export type PlatformAddress = z.infer<typeof platformAddressSchema>;

/** One customer message from any channel, normalized. */
export const inboundMessageSchema = z.object({
  channel: channelIdSchema,
  /** The customer's id on the platform (Telegram user id, PSID, phone number, widget visitor id). */
  externalUserId: z.string().min(1).max(256),
  displayName: z.string().max(200).optional(),
  text: z.string().max(8000).default(''),
  /** Set when the customer pressed a button. */
  payload: z.string().max(256).optional(),
  /** The platform's id of this message; a second delivery with the same id is ignored. */
  platformMessageId: z.string().min(1).max(256).optional(),
  /** The platform's language hint (Telegram `language_code`, browser language). */
  localeHint: z.string().max(35).optional(),
  address: platformAddressSchema,
  receivedAt: z.date(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** A link shown under a message, e.g. to the full article. */
export const linkSchema = z.object({ label: z.string().min(1).max(80), url: z.string().url().max(2000) });
export type Link = z.infer<typeof linkSchema>;

/** What the bot or an agent says; a channel renders buttons natively or as numbered text. */
export const outboundMessageSchema = z.object({
  kind: z.enum(['text', 'choices', 'rating']).default('text'),
  text: z.string().min(1).max(8000),
  buttons: z.array(buttonSchema).max(10).default([]),
  link: linkSchema.optional(),
  locale: localeSchema.optional(),
  /** The transcript id of this message, so a channel that resends can deduplicate. */
  messageId: z.string().optional(),
  /** Who writes, for channels that show it (an agent's name). */
  author: z.object({ kind: z.enum(['bot', 'agent', 'system']), name: z.string().max(200).optional() }).optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
