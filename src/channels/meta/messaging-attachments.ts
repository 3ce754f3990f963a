import { z } from 'zod';
import { attachmentSchema, type Attachment } from '../../core/messages.js';

/** One entry of a Messenger or Instagram `message.attachments[]`; `payload` varies by type (and is null for some). */
export const messagingAttachmentSchema = z.looseObject({
  type: z.string().min(1),
  payload: z
    .looseObject({
      url: z.string().optional(),
      title: z.string().optional(),
      sticker_id: z.union([z.number(), z.string()]).optional(),
      coordinates: z.looseObject({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullish(),
});
export type MessagingAttachment = z.infer<typeof messagingAttachmentSchema>;

/** Media types Messenger and Instagram name the same as our kinds. */
const mediaKinds: Record<string, Attachment['kind']> = { image: 'image', video: 'video', audio: 'audio', file: 'file', sticker: 'sticker', ig_reel: 'video', reel: 'video' };

/** Shares of content that is not the customer's own words or media: kept for the agents, with what the platform says about it. */
const sharedContent: Record<string, string> = {
  share: 'shared a post',
  post: 'shared a post',
  ig_post: 'shared an Instagram post',
  appointment_booking: 'booked an appointment',
  fallback: 'shared a link',
  template: 'sent a structured message',
};

/**
 * The attachments of a Messenger or Instagram message as `Attachment`s: media with their
 * (expiring) CDN URL; a sticker (an `image` with `sticker_id`, or the message's own
 * `sticker_id`, or the newer `type: sticker`; one sticker even when both arrive) as kind `sticker`; a location from its coordinates; a story mention as a
 * notice (the customer mentioned the account in their story, nothing to answer); shared
 * posts, links and templates as `unsupported` with a summary. A type we do not know is kept as
 * `unsupported` rather than dropped, so an agent still sees that something arrived.
 */
export function messagingAttachments(attachments: MessagingAttachment[], stickerId?: number | string): Attachment[] {
  // Until 2026-08-30 Messenger sends a sticker twice: as `type: sticker` and as the old `type: image` with sticker_id.
  const hasSticker = attachments.some((attachment) => attachment.type === 'sticker');
  const once = hasSticker ? attachments.filter((attachment) => !(attachment.type === 'image' && (attachment.payload?.sticker_id !== undefined || stickerId !== undefined))) : attachments;
  return once.slice(0, 20).map((attachment) => toAttachment(attachment, stickerId));
}

function toAttachment({ type, payload }: MessagingAttachment, stickerId?: number | string): Attachment {
  const url = safeUrl(payload?.url);
  const title = payload?.title?.slice(0, 2000);
  const withUrl = url ? { url } : {};
  if (type === 'image' && (payload?.sticker_id !== undefined || stickerId !== undefined)) return { kind: 'sticker', ...withUrl };
  const kind = mediaKinds[type];
  if (kind) return { kind, ...withUrl, ...(title ? { summary: title } : {}) };
  if (type === 'location' && payload?.coordinates) {
    const location = attachmentSchema.shape.location.safeParse({ latitude: payload.coordinates.lat, longitude: payload.coordinates.long, ...(title ? { name: title.slice(0, 500) } : {}) });
    if (location.success && location.data) return { kind: 'location', location: location.data };
  }
  if (type === 'story_mention') return { kind: 'notice', ...withUrl, summary: 'mentioned the account in their story' };
  const summary = [sharedContent[type] ?? `sent a ${type} attachment`, title].filter(Boolean).join(': ');
  return { kind: 'unsupported', ...withUrl, summary: summary.slice(0, 2000) };
}

/** The URL when it is one we may store (http or https, not too long); a CDN link we cannot keep is left out, not fatal. */
function safeUrl(url: string | undefined): string | undefined {
  const parsed = attachmentSchema.shape.url.safeParse(url);
  return parsed.success ? parsed.data : undefined;
}
