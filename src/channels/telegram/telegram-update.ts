import { z } from 'zod';

const userSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean().default(false),
  first_name: z.string().default(''),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().max(35).optional(),
});
export type TelegramUser = z.infer<typeof userSchema>;

// `type` is required by the Bot API reference, yet the webhook guide's first sample update leaves it out.
const chatSchema = z.object({ id: z.number().int(), type: z.string().optional() });

const entitySchema = z.object({ type: z.string(), offset: z.number().int().min(0), length: z.number().int().min(0), user: userSchema.optional() });

const inlineKeyboardSchema = z.object({
  inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))),
});

/** A file the Bot API names by `file_id` (what `getFile` takes); the fields beyond it vary by kind. */
const fileSchema = z.looseObject({
  file_id: z.string().min(1),
  file_size: z.number().int().nonnegative().optional(),
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});

const locationSchema = z.looseObject({ latitude: z.number(), longitude: z.number() });

/** What a message carries besides text: media, a place, a contact card, a poll or dice (read in `telegram-attachments.ts`). */
const contentSchema = {
  photo: z.array(fileSchema.extend({ width: z.number().int().optional(), height: z.number().int().optional() })).optional(),
  sticker: fileSchema.extend({ emoji: z.string().optional(), is_animated: z.boolean().optional(), is_video: z.boolean().optional() }).optional(),
  voice: fileSchema.optional(),
  audio: fileSchema.extend({ title: z.string().optional(), performer: z.string().optional() }).optional(),
  document: fileSchema.optional(),
  video: fileSchema.optional(),
  video_note: fileSchema.optional(),
  animation: fileSchema.optional(),
  location: locationSchema.optional(),
  venue: z.looseObject({ location: locationSchema, title: z.string().optional(), address: z.string().optional() }).optional(),
  contact: z.looseObject({ phone_number: z.string(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  poll: z.looseObject({ question: z.string().optional() }).optional(),
  dice: z.looseObject({ emoji: z.string().optional(), value: z.number().optional() }).optional(),
};

/**
 * The fields of a Telegram `Message` Careline reads; other fields are kept unread, so that a
 * service message (`pinned_message`, `new_chat_members`…) or content Careline cannot show
 * (`game`, `story`…) is still told apart from text.
 */
export const telegramMessageSchema = z.looseObject({
  message_id: z.number().int(),
  from: userSchema.optional(),
  chat: chatSchema,
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  caption_entities: z.array(entitySchema).optional(),
  reply_to_message: z.object({ from: userSchema.optional() }).optional(),
  reply_markup: inlineKeyboardSchema.optional(),
  ...contentSchema,
});
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;

/** A pressed inline button; `message` is missing when the message is too old. */
export const telegramCallbackQuerySchema = z.object({
  id: z.string().min(1),
  from: userSchema,
  message: telegramMessageSchema.optional(),
  data: z.string().max(64).optional(),
});
export type TelegramCallbackQuery = z.infer<typeof telegramCallbackQuerySchema>;

/** One reaction: an emoji, a custom emoji (by id) or a paid star reaction. */
const reactionTypeSchema = z.looseObject({ type: z.string(), emoji: z.string().optional(), custom_emoji_id: z.string().optional() });

/** `message_reaction`: a user changed their reactions to a message (sent only when asked for in `allowed_updates`). */
export const telegramReactionSchema = z.object({
  chat: chatSchema,
  message_id: z.number().int(),
  /** Absent when the reaction is anonymous (`actor_chat` then names the chat). */
  user: userSchema.optional(),
  date: z.number().int(),
  old_reaction: z.array(reactionTypeSchema).default([]),
  new_reaction: z.array(reactionTypeSchema).default([]),
});
export type TelegramReaction = z.infer<typeof telegramReactionSchema>;

/**
 * A Bot API `Update`, as far as Careline handles it: new messages, button presses and
 * reactions. Every other kind (edits, channel posts, member changes, inline and payment
 * queries, polls, join requests, business updates, and kinds added later) parses with only
 * its `update_id` read, and is acknowledged and skipped.
 */
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().min(0),
  message: telegramMessageSchema.optional(),
  callback_query: telegramCallbackQuerySchema.optional(),
  message_reaction: telegramReactionSchema.optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** An update kind Careline asks Telegram for (`allowed_updates`). */
export type TelegramUpdateKind = 'message' | 'callback_query' | 'message_reaction';

/** The kind of an update: the name of its one field besides `update_id` (`message`, `edited_message`, `poll`, …). */
export function updateKindOf(raw: unknown): string {
  const keys = raw && typeof raw === 'object' ? Object.keys(raw).filter((key) => key !== 'update_id') : [];
  return (keys[0] ?? 'empty').slice(0, 64);
}

/**
 * Whether a chat is the private chat with the sender. A chat without `type` (the Bot API
 * webhook guide's sample update has none) is when its id is the sender's, as private chat ids are.
 */
export function isPrivateChat(chat: { id: number; type?: string | undefined }, senderId: number | undefined): boolean {
  return chat.type === undefined ? chat.id === senderId : chat.type === 'private';
}

/** The name Careline shows agents: first and last name, else the @username. */
export function displayNameOf(user: TelegramUser): string | undefined {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return (name || user.username)?.slice(0, 200) || undefined;
}
