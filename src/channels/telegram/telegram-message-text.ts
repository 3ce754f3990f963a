import type { TelegramMessage } from './telegram-update.js';

/** The bot itself, as `getMe` describes it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** What to do with a group chat message that does not address the bot. */
export type GroupPolicy = 'mention' | 'ignore';

/** A message read for the engine: its text, or the command it is. */
export type ReadMessage = { kind: 'text'; text: string } | { kind: 'command'; command: string; argument: string };

/** The longest text the engine takes from one message. */
const maxTextLength = 8000;

const commandPattern = /^\/([a-z0-9_]{1,32})(?:@([a-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/i;

const isGroup = (message: TelegramMessage) => message.chat.type === 'group' || message.chat.type === 'supergroup';

/**
 * Reads a message the bot received, or returns null when it must not answer: a channel
 * post; a message without text or caption (stickers, photos: not understood yet); in a
 * group chat, anything when groups are ignored, and otherwise anything that does not
 * address the bot — a mention of `@bot`, a reply to one of its messages, or a command
 * (`/help` or `/help@bot`). The mention is taken out of the text.
 */
export function readMessage(message: TelegramMessage, bot: BotIdentity, groups: GroupPolicy): ReadMessage | null {
  if (message.chat.type === 'channel' || !message.from || message.from.is_bot) return null;
  // Cut to what a transcript line holds, as the other channels do (Telegram's own limit is 4,096).
  const raw = (message.text ?? message.caption ?? '').trim().slice(0, maxTextLength);
  if (!raw) return null;
  const command = commandPattern.exec(raw);
  const forOtherBot = command?.[2] !== undefined && command[2].toLowerCase() !== bot.username.toLowerCase();
  if (isGroup(message)) {
    if (groups === 'ignore' || forOtherBot) return null;
    if (!command && !mentionsBot(message, bot) && message.reply_to_message?.from?.id !== bot.id) return null;
  }
  if (command && !forOtherBot) return { kind: 'command', command: command[1]!.toLowerCase(), argument: (command[3] ?? '').trim() };
  const text = raw.replace(new RegExp(`@${bot.username}\\b`, 'gi'), '').replace(/\s{2,}/g, ' ').trim();
  return text ? { kind: 'text', text } : null;
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
