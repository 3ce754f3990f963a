import { attachmentSchema, type Attachment } from '../../core/messages.js';
import type { ZaloAttachment, ZaloEvent } from './zalo-event.js';

/** What a Zalo message says: its text (or a media message's caption) and what it carried. */
export interface ZaloContent {
  text: string;
  attachments: Attachment[];
}

/**
 * Zalo's reactions are emoticon codes (the six the app offers); shown as the emoji they
 * stand for, an unknown code as it came.
 */
const reactionEmoji: Record<string, string> = { '/-heart': '❤️', '/-strong': '👍', ':>': '😆', ':o': '😮', ':-((': '😢', ':-h': '😡' };

/**
 * The text and attachments of a `user_send_*` or `oa_send_*` event. Media keep Zalo's URL
 * (its CDN serves them without a token, so the console's media route fetches them
 * directly; the thumbnail stands in when there is no URL): image, gif (an image),
 * sticker, audio (a recorded voice message, `.amr`), video, file (with name and size);
 * a location with its coordinates; a business card as a contact with the phone number
 * from its description; a shared link, or anything else, as `unsupported` with a summary,
 * so an agent still sees that it came. The text is the caption Zalo gives; a business
 * card's text is the card's name and a shared link's text the link alone, not something
 * the customer said.
 */
export function zaloContent(event: ZaloEvent): ZaloContent {
  const message = event.message;
  const caption = (message?.text ?? '').trim();
  const isCard = event.event_name.endsWith('_send_business_card');
  const attachments = (message?.attachments ?? []).map((attachment) => (isCard ? businessCard(attachment, caption) : toAttachment(attachment)));
  if (isCard) return { text: '', attachments };
  // A shared link's text is the link itself: nothing was said in words.
  const linkOnly = (message?.attachments ?? []).some((attachment) => attachment.type === 'link' && attachment.payload?.url?.trim() === caption);
  if (linkOnly) return { text: '', attachments };
  if (attachments.length === 0 && !caption && !event.event_name.endsWith('_send_text')) {
    attachments.push({ kind: 'unsupported', summary: `sent a message Zalo did not describe (${event.event_name})` });
  }
  return { text: caption, attachments };
}

/** A `user_reacted_message` as a (silent) reaction attachment on the message it names. */
export function zaloReaction(event: ZaloEvent): Attachment {
  const code = event.message?.react_icon;
  const targetId = event.message?.msg_id;
  return { kind: 'reaction', ...(code ? { emoji: reactionEmoji[code] ?? code } : {}), ...(targetId ? { targetId } : {}) };
}

function toAttachment({ type, payload }: ZaloAttachment): Attachment {
  const link = safeUrl(payload?.url) ?? safeUrl(payload?.thumbnail);
  const withUrl = link ? { url: link } : {};
  switch (type) {
    case 'image':
      return { kind: 'image', ...withUrl };
    case 'gif':
      return { kind: 'image', ...withUrl, mimeType: 'image/gif' };
    case 'sticker':
      return { kind: 'sticker', ...withUrl };
    case 'audio':
      return { kind: 'voice', ...withUrl, mimeType: 'audio/amr' };
    case 'video':
      return { kind: 'video', ...withUrl, ...(payload?.description ? { summary: payload.description } : {}) };
    case 'file':
      return { kind: 'file', ...withUrl, ...(payload?.name ? { fileName: payload.name } : {}), ...(validSize(payload?.size) ? { size: payload.size } : {}) };
    case 'location':
      return location(payload?.coordinates) ?? { kind: 'unsupported', summary: 'sent a location without coordinates' };
    case 'link':
      return { kind: 'unsupported', ...withUrl, summary: ['shared a link', payload?.title ?? payload?.description, payload?.url].filter(Boolean).join(': ').slice(0, 2000) };
    default:
      return { kind: 'unsupported', ...withUrl, summary: `sent a ${type} attachment` };
  }
}

function location(coordinates: { latitude?: number | undefined; longitude?: number | undefined } | undefined): Attachment | null {
  const parsed = attachmentSchema.shape.location.safeParse({ latitude: coordinates?.latitude, longitude: coordinates?.longitude });
  return parsed.success && parsed.data ? { kind: 'location', location: parsed.data } : null;
}

/** A business card: a `link` whose `description` is JSON with the contact's `phone` (and `qrCodeUrl`). */
function businessCard({ payload }: ZaloAttachment, caption: string): Attachment {
  const card = cardDetails(payload?.description);
  const name = (payload?.title ?? card.name ?? caption).slice(0, 500);
  const contact = { ...(name ? { name } : {}), phones: card.phone ? [card.phone] : [], emails: [] };
  return { kind: 'contact', contact, ...(card.qrCodeUrl ? { summary: `Zalo QR code: ${card.qrCodeUrl}` } : {}) };
}

function cardDetails(description: string | undefined): { phone?: string; name?: string; qrCodeUrl?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(description ?? '');
  } catch {
    return {}; // a card without the documented JSON: kept with its name only
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const field = (key: string, max: number) => {
    const value = (parsed as Record<string, unknown>)[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, max) : undefined;
  };
  const phone = field('phone', 100);
  const name = field('name', 500);
  const qrCodeUrl = safeUrl(field('qrCodeUrl', 4000));
  return { ...(phone ? { phone } : {}), ...(name ? { name } : {}), ...(qrCodeUrl ? { qrCodeUrl } : {}) };
}

const validSize = (size: number | undefined): size is number => size !== undefined && Number.isInteger(size) && size >= 0;

/** The URL when it is one we may store (http or https, not too long); one we cannot keep is left out, not fatal. */
function safeUrl(url: string | undefined): string | undefined {
  const parsed = attachmentSchema.shape.url.safeParse(url);
  return parsed.success ? parsed.data : undefined;
}
