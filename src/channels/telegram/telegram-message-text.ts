import type { Attachment } from '../../core/messages.js';
import { telegramAttachments } from './telegram-attachments.js';
import { isPrivateChat, type TelegramMessage } from './telegram-update.js';

/** The bot itself, as `getMe` describes it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** What to do with a group chat message that does not address the bot. */
export type GroupPolicy = 'mention' | 'ignore';

/** A message read for the engine: its text (or caption) and what it carried, or the command it is. */
export type ReadMessage = { kind: 'text'; text: string; attachments: Attachment[] } | { kind: 'command'; command: string; argument: string };

/** The longest text the engine takes from one message. */
const maxTextLength = 8000;

const commandPattern = /^\/([a-z0-9_]{1,32})(?:@([a-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/i;

/** Whether a message was written in a group (or a chat taken for one), where the group rules apply. */
const isGroup = (message: TelegramMessage) => message.chat.type !== 'channel' && !isPrivateChat(message.chat, message.from?.id);

/**
 * Reads a message the bot received, or returns null when it must not answer: a channel
 * post; a message from a bot; in a group chat, anything when groups are ignored, and
 * otherwise anything that does not address the bot — a mention of `@bot` (in the text or a
 * caption), a reply to one of its messages, or a command (`/help` or `/help@bot`). The
 * mention is taken out of the text. Photos, stickers, voice, files, places, contact cards
 * and the rest come with their attachments (see `telegramAttachments`), and a caption as text.
 */
export function readMessage(message: TelegramMessage, bot: BotIdentity, groups: GroupPolicy): ReadMessage | null {
  if (message.chat.type === 'channel' || !message.from || message.from.is_bot) return null;
  // Cut to what a transcript line holds, as the other channels do (Telegram's own limit is 4,096).
  const raw = (message.text ?? message.caption ?? '').trim().slice(0, maxTextLength);
  const attachments = telegramAttachments(message);
  if (!raw && attachments.length === 0) return null;
  const command = commandPattern.exec(raw);
  const forOtherBot = command?.[2] !== undefined && command[2].toLowerCase() !== bot.username.toLowerCase();
  if (isGroup(message)) {
    if (groups === 'ignore' || forOtherBot) return null;
    if (!command && !mentionsBot(message, bot) && message.reply_to_message?.from?.id !== bot.id) return null;
  }
  if (command && !forOtherBot) return { kind: 'command', command: command[1]!.toLowerCase(), argument: (command[3] ?? '').trim() };
  const text = raw.replace(new RegExp(`@${bot.username}\\b`, 'gi'), '').replace(/\s{2,}/g, ' ').trim();
  return text || attachments.length > 0 ? { kind: 'text', text, attachments } : null;
}

function mentionsBot(message: TelegramMessage, bot: BotIdentity): boolean {
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  return entities.some((entity) => {
    if (entity.type === 'text_mention') return entity.user?.id === bot.id;
    if (entity.type !== 'mention') return false;
    return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${bot.username.toLowerCase()}`;
  });
}
