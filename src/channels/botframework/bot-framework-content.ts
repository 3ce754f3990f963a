import { z } from 'zod';
import type { Attachment } from '../../core/messages.js';

/** What a customer's activity says besides free text: a pressed payload and the submitted values as text. */
export interface SubmittedContent {
  text: string;
  payload?: string;
}

const maxTextLength = 8000;
const payloadSchema = z.string().min(1).max(256);
/** Teams' own keys in a card's data (`msteams: { type: 'messageBack', … }`), not the customer's input. */
const platformKeys = new Set(['payload', 'msteams']);

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(scalarText).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(', ') : null;
  }
  return null;
}

/** A messageBack `value` may be a serialized JSON object (Teams documents both forms). */
function objectOf(value: unknown): Record<string, unknown> | string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{')) return trimmed || null;
    try {
      return objectOf(JSON.parse(trimmed) as unknown);
    } catch {
      return trimmed; // not JSON after all: the string is what the customer sent
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * What a card submit carries (an Adaptive Card `Action.Submit`'s data merged with its inputs,
 * a messageBack `value`, an `Action.Execute`'s `action.data`): a `payload` field is a button
 * press; the other fields become "input: value" lines, so an agent reads what was filled in.
 * Nested objects are not the customer's words and are left out.
 */
export function submittedContentOf(value: unknown): SubmittedContent {
  const submitted = objectOf(value);
  if (submitted === null) return { text: '' };
  if (typeof submitted === 'string') return { text: submitted.slice(0, maxTextLength) };
  const payload = payloadSchema.safeParse(submitted.payload);
  const lines = Object.entries(submitted)
    .filter(([key]) => !platformKeys.has(key))
    .flatMap(([key, field]) => {
      const text = scalarText(field);
      return text === null ? [] : [`${key}: ${text}`];
    });
  return { text: lines.join('\n').slice(0, maxTextLength), ...(payload.success ? { payload: payload.data } : {}) };
}

const activityAttachmentSchema = z.looseObject({
  contentType: z.string().min(1).max(255),
  contentUrl: z.string().max(4000).optional(),
  name: z.string().max(500).optional(),
  content: z.unknown().optional(),
});
type ActivityAttachment = z.infer<typeof activityAttachmentSchema>;

/** Teams' file attachment (a file sent in a personal chat): `downloadUrl` works without a token for a few minutes. */
const teamsFileContentType = 'application/vnd.microsoft.teams.file.download.info';
const teamsFileSchema = z.looseObject({ downloadUrl: z.url({ protocol: /^https?$/ }).max(4000) });

const httpUrl = z.url({ protocol: /^https?$/ }).max(4000);

function kindOf(contentType: string): Attachment['kind'] {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType.startsWith('audio/')) return 'audio';
  return 'file';
}

/**
 * Where the attachment is fetched. On the conversation's own channel service (Teams inline
 * images) it needs the bot's token, so it is named by `mediaId` for the channel's
 * `mediaSource` — only when the token verified that service URL, so the bot's token never
 * goes to a host a sender made up. Anything else is a plain `url`, fetched without a token.
 */
function locationOf(contentUrl: string, service: AttachmentService): Pick<Attachment, 'mediaId' | 'url'> {
  const url = httpUrl.safeParse(contentUrl);
  if (!url.success) return {};
  const onService = service.verified && new URL(url.data).origin === new URL(service.url).origin && url.data.length <= 1000;
  return onService ? { mediaId: url.data } : { url: url.data };
}

/** The conversation's channel service, and whether the request's token vouched for it. */
export interface AttachmentService {
  url: string;
  verified: boolean;
}

function attachmentOf(attachment: ActivityAttachment, service: AttachmentService): Attachment | null {
  const { contentType, contentUrl, name } = attachment;
  // Teams repeats a formatted message's text as an HTML attachment: the text is read already.
  if (contentType === 'text/html' || contentType === 'text/plain') return null;
  const fileName = name ? { fileName: name } : {};
  if (contentType === teamsFileContentType) {
    const file = teamsFileSchema.safeParse(attachment.content);
    return { kind: 'file', ...fileName, ...(file.success ? { url: file.data.downloadUrl } : {}) };
  }
  if (contentUrl) {
    const mimeType = contentType.endsWith('/*') ? {} : { mimeType: contentType.slice(0, 200) };
    return { kind: kindOf(contentType), ...locationOf(contentUrl, service), ...mimeType, ...fileName };
  }
  // A card or another inline object the customer's client sent: nothing a person can open.
  return { kind: 'unsupported', summary: `${contentType.replace(/^application\/vnd\.microsoft\./, '')} attachment`.slice(0, 2000), ...fileName };
}

/**
 * The customer's attachments as Careline's: images, video, audio and files (with their URL,
 * type and name), Teams files (their download link), cards as `unsupported`. Malformed entries
 * are skipped, the others kept.
 */
export function attachmentsOf(attachments: readonly unknown[] | undefined, service: AttachmentService): Attachment[] {
  return (attachments ?? [])
    .flatMap((raw) => {
      const parsed = activityAttachmentSchema.safeParse(raw);
      const attachment = parsed.success ? attachmentOf(parsed.data, service) : null;
      return attachment ? [attachment] : [];
    })
    .slice(0, 20);
}

/** Teams' reaction types and the emoji Teams shows for them. */
const reactionEmoji: Record<string, string> = { like: '👍', heart: '❤️', laugh: '😆', surprised: '😮', sad: '😢', angry: '😠', plusOne: '➕' };
const reactionSchema = z.looseObject({ type: z.string().min(1).max(64) });

/** A `messageReaction` activity's reactions, added and removed, on the message `replyToId` names. */
export function reactionsOf(added: readonly unknown[] | undefined, removed: readonly unknown[] | undefined, targetId: string | undefined): Attachment[] {
  const reactions = (list: readonly unknown[] | undefined, removal: boolean): Attachment[] =>
    (list ?? []).flatMap((raw) => {
      const reaction = reactionSchema.safeParse(raw);
      if (!reaction.success) return [];
      const { type } = reaction.data;
      const emoji = reactionEmoji[type];
      return [{ kind: 'reaction' as const, ...(targetId ? { targetId: targetId.slice(0, 1000) } : {}), ...(emoji ? { emoji } : {}), summary: removal ? `removed the reaction ${type}` : type }];
    });
  return [...reactions(added, false), ...reactions(removed, true)].slice(0, 20);
}
