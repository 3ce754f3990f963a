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

/**
 * What a customer sent besides text. `notice` is a platform's system message (a member joined,
 * a referral); `unsupported` a message the platform itself could not pass on. Media are not
 * downloaded: `mediaId` (the platform's id, fetched when an agent opens it) or `url` name them.
 */
export const attachmentKindSchema = z.enum(['image', 'video', 'audio', 'voice', 'file', 'sticker', 'location', 'contact', 'reaction', 'order', 'notice', 'unsupported']);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

export const attachmentSchema = z.object({
  kind: attachmentKindSchema,
  /** The platform's id of the media (Telegram `file_id`, WhatsApp media id). */
  mediaId: z.string().min(1).max(1000).optional(),
  /** Where the platform serves the media (Messenger, Instagram, Zalo give URLs; they may expire). */
  url: z.url({ protocol: /^https?$/ }).max(4000).optional(),
  mimeType: z.string().max(200).optional(),
  fileName: z.string().max(500).optional(),
  /** Bytes, when the platform says. */
  size: z.number().int().nonnegative().optional(),
  /** A sticker's or a reaction's emoji. */
  emoji: z.string().max(64).optional(),
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(500).optional(), address: z.string().max(1000).optional() }).optional(),
  contact: z.object({ name: z.string().max(500).optional(), phones: z.array(z.string().max(100)).max(20).default([]), emails: z.array(z.string().max(320)).max(20).default([]) }).optional(),
  /** A reaction's target: the platform's id of the message reacted to. */
  targetId: z.string().max(1000).optional(),
  /** A readable summary of what cannot be shown otherwise (an order's items, a notice, why it is unsupported). */
  summary: z.string().max(2000).optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Kinds that are only recorded, never answered: the customer did not ask anything. */
export const silentAttachmentKinds: ReadonlySet<AttachmentKind> = new Set(['reaction', 'notice']);

/** Whether a customer's message is only reactions or platform notices: no words, no button, nothing to answer. */
export function isSilentMessage(message: { text: string; payload?: string | undefined; attachments?: readonly Attachment[] | undefined }): boolean {
  const attachments = message.attachments ?? [];
  return !message.text.trim() && !message.payload && attachments.length > 0 && attachments.every((attachment) => silentAttachmentKinds.has(attachment.kind));
}

/** One customer message from any channel, normalized. */
export const inboundMessageSchema = z.object({
  channel: channelIdSchema,
  /** The customer's id on the platform (Telegram user id, PSID, phone number, widget visitor id). */
  externalUserId: z.string().min(1).max(256),
  displayName: z.string().max(200).optional(),
  /** The text, or a media message's caption; empty for media alone. */
  text: z.string().max(8000).default(''),
  /** Media, locations, contact cards, reactions and notices the message carried. */
  attachments: z.array(attachmentSchema).max(20).optional(),
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
  /** At most 11: an NPS scale's 0–10. */
  buttons: z.array(buttonSchema).max(11).default([]),
  link: linkSchema.optional(),
  locale: localeSchema.optional(),
  /** The transcript id of this message, so a channel that resends can deduplicate. */
  messageId: z.string().optional(),
  /** Who writes, for channels that show it (an agent's name). */
  author: z.object({ kind: z.enum(['bot', 'agent', 'system']), name: z.string().max(200).optional() }).optional(),
  /**
   * The `platformMessageId` of the customer message this answers, for the bot's replies in
   * that message's turn (Bot Framework sends them as replies to it); absent for proactive
   * messages (agent replies, surveys).
   */
  inReplyTo: z.string().min(1).max(256).optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
