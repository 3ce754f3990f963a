import { attachmentSchema, type Attachment } from '../../core/messages.js';
import type { TelegramMessage, TelegramReaction } from './telegram-update.js';

type TelegramFile = NonNullable<TelegramMessage['document']>;

/**
 * Service messages (the Bot API's `Message` fields for what happened in a chat rather than what
 * someone sent): kept as a silent notice when one reaches the engine, never answered.
 */
const serviceFields = [
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo', 'group_chat_created', 'supergroup_chat_created',
  'channel_chat_created', 'message_auto_delete_timer_changed', 'migrate_to_chat_id', 'migrate_from_chat_id', 'pinned_message', 'successful_payment',
  'refunded_payment', 'users_shared', 'chat_shared', 'gift', 'unique_gift', 'connected_website', 'write_access_allowed', 'passport_data',
  'proximity_alert_triggered', 'boost_added', 'chat_background_set', 'checklist_tasks_done', 'checklist_tasks_added', 'direct_message_price_changed',
  'forum_topic_created', 'forum_topic_edited', 'forum_topic_closed', 'forum_topic_reopened', 'general_forum_topic_hidden', 'general_forum_topic_unhidden',
  'giveaway_created', 'giveaway_completed', 'paid_message_price_changed', 'video_chat_scheduled', 'video_chat_started', 'video_chat_ended',
  'video_chat_participants_invited', 'web_app_data',
] as const;

/** Content Careline cannot show or read, by the field that carries it: kept as `unsupported` so an agent still sees it arrived. */
const unsupportedFields: Record<string, string> = { game: 'a game', invoice: 'an invoice', story: 'a story', giveaway: 'a giveaway', giveaway_winners: 'giveaway winners', paid_media: 'paid media', checklist: 'a checklist' };

/**
 * What a Telegram message carried besides its text or caption, as `Attachment`s: the largest
 * size of a photo, a sticker (with its emoji), a voice message, audio, a document, a video, a
 * round video note or an animation (GIF) by `file_id`, which `TelegramChannel.mediaSource`
 * turns into a download link; a location or venue; a contact card; a poll or dice (and
 * games, invoices, stories…) as `unsupported` with a summary; a service message (a member
 * joined, a message was pinned) as a notice. A text message gives none; a message with none
 * of these fields and no text gives `unsupported`, so nothing a customer sent disappears.
 */
export function telegramAttachments(message: TelegramMessage): Attachment[] {
  const media = mediaAttachment(message);
  if (media) return [media];
  const place = placeAttachment(message);
  if (place) return [place];
  if (message.contact) return [contactAttachment(message.contact)];
  if (message.poll) return [unsupported(`a poll${message.poll.question ? `: ${message.poll.question}` : ''}`)];
  if (message.dice) return [unsupported(`a dice ${message.dice.emoji ?? '🎲'}${message.dice.value !== undefined ? ` (${message.dice.value})` : ''}`)];
  const other = Object.keys(unsupportedFields).find((field) => message[field] !== undefined);
  if (other) return [unsupported(unsupportedFields[other]!)];
  const service = serviceFields.find((field) => message[field] !== undefined);
  if (service) return [{ kind: 'notice', summary: `Telegram service message: ${service.replace(/_/g, ' ')}` }];
  if (message.text !== undefined || message.caption !== undefined) return [];
  return [unsupported('a kind of Telegram message Careline does not know')];
}

function mediaAttachment(message: TelegramMessage): Attachment | undefined {
  if (message.photo?.length) {
    // Telegram sends a photo in several sizes, smallest first; the agent gets the largest.
    const largest = message.photo.reduce((best, size) => (area(size) >= area(best) ? size : best));
    return fileAttachment('image', largest, 'image/jpeg');
  }
  if (message.sticker) {
    const { sticker } = message;
    const mimeType = sticker.is_animated ? 'application/x-tgsticker' : sticker.is_video ? 'video/webm' : 'image/webp';
    return { ...fileAttachment('sticker', sticker, mimeType), ...(sticker.emoji ? { emoji: sticker.emoji.slice(0, 64) } : {}) };
  }
  if (message.voice) return fileAttachment('voice', message.voice);
  if (message.audio) {
    const title = [message.audio.performer, message.audio.title].filter(Boolean).join(' – ');
    return { ...fileAttachment('audio', message.audio), ...(title ? { summary: title.slice(0, 2000) } : {}) };
  }
  // An animation also comes as `document`, for older clients: it is read once, as the video it is.
  if (message.animation) return fileAttachment('video', message.animation);
  if (message.video) return fileAttachment('video', message.video);
  if (message.video_note) return fileAttachment('video', message.video_note, 'video/mp4');
  if (message.document) return fileAttachment('file', message.document);
  return undefined;
}

function area(size: { width?: number | undefined; height?: number | undefined; file_size?: number | undefined }): number {
  return size.width !== undefined && size.height !== undefined ? size.width * size.height : (size.file_size ?? 0);
}

function fileAttachment(kind: Attachment['kind'], file: TelegramFile, defaultMimeType?: string): Attachment {
  const mimeType = file.mime_type ?? defaultMimeType;
  return {
    kind,
    mediaId: file.file_id.slice(0, 1000),
    ...(mimeType ? { mimeType: mimeType.slice(0, 200) } : {}),
    ...(file.file_name ? { fileName: file.file_name.slice(0, 500) } : {}),
    ...(file.file_size !== undefined ? { size: file.file_size } : {}),
  };
}

/** A venue (a named place; its message repeats the point as `location`) or a plain location. */
function placeAttachment(message: TelegramMessage): Attachment | undefined {
  const point = message.venue?.location ?? message.location;
  if (!point) return undefined;
  const { title, address } = message.venue ?? {};
  const location = attachmentSchema.shape.location.safeParse({
    latitude: point.latitude,
    longitude: point.longitude,
    ...(title ? { name: title.slice(0, 500) } : {}),
    ...(address ? { address: address.slice(0, 1000) } : {}),
  });
  return location.success && location.data ? { kind: 'location', location: location.data } : unsupported('a location outside the map');
}

function contactAttachment(contact: NonNullable<TelegramMessage['contact']>): Attachment {
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ').trim().slice(0, 500);
  return { kind: 'contact', contact: { ...(name ? { name } : {}), phones: [contact.phone_number.slice(0, 100)], emails: [] } };
}

function unsupported(what: string): Attachment {
  return { kind: 'unsupported', summary: `sent ${what}`.slice(0, 2000) };
}

/**
 * A `message_reaction` as a reaction attachment: the emoji now set (a custom emoji or a paid
 * reaction is named in the summary), or "removed the reaction" when none is left. The target is
 * `chatId:messageId`, the id the channel gave the bot's own message when it sent it.
 */
export function reactionAttachment(reaction: TelegramReaction): Attachment {
  const targetId = `${reaction.chat.id}:${reaction.message_id}`;
  const [set] = reaction.new_reaction;
  if (!set) return { kind: 'reaction', targetId, summary: 'removed the reaction' };
  if (set.type === 'emoji' && set.emoji) return { kind: 'reaction', targetId, emoji: set.emoji.slice(0, 64) };
  return { kind: 'reaction', targetId, summary: set.type === 'paid' ? 'a paid star reaction' : `a ${set.type.replace(/_/g, ' ')} reaction` };
}
