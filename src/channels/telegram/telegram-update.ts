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

const chatSchema = z.object({ id: z.number().int(), type: z.enum(['private', 'group', 'supergroup', 'channel']) });

const entitySchema = z.object({ type: z.string(), offset: z.number().int().min(0), length: z.number().int().min(0), user: userSchema.optional() });

const inlineKeyboardSchema = z.object({
  inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))),
});

/** The fields of a Telegram `Message` Careline reads; other fields are allowed and ignored. */
export const telegramMessageSchema = z.object({
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

/**
 * A Bot API `Update`, as far as Careline handles it: new messages and button presses.
 * Edits, channel posts, member changes and the rest parse (their fields are ignored) and
 * are skipped.
 */
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().min(0),
  message: telegramMessageSchema.optional(),
  callback_query: telegramCallbackQuerySchema.optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** The name Careline shows agents: first and last name, else the @username. */
export function displayNameOf(user: TelegramUser): string | undefined {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return (name || user.username)?.slice(0, 200) || undefined;
}
