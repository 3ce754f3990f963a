import type { OutboundMessage } from '../../core/messages.js';
import { toCallbackData } from './telegram-callback-data.js';
import { escapeAttribute, escapeHtml, markdownToTelegramHtml } from './telegram-html.js';

/** Telegram's limit on a message's text, in characters (after entities are parsed; we count the HTML to be safe). */
export const telegramTextLimit = 4096;

/** An inline keyboard button as the Bot API takes it. */
export interface InlineButton {
  text: string;
  callback_data: string;
}

/** One `sendMessage` call's worth of a rendered message. */
export interface TelegramPart {
  html: string;
  keyboard?: InlineButton[][];
}

/**
 * Renders an outbound message for Telegram's HTML parse mode: the bot's Markdown becomes
 * tags, agents' and system text is escaped, an agent's name leads in bold, a link closes
 * the text, and buttons become an inline keyboard on the last part (a rating prompt's
 * scores in one row, or two for NPS's eleven; other choices one per row). Text longer than 4,096 characters is
 * split at paragraph, line or word boundaries into several parts.
 */
export function renderForTelegram(message: OutboundMessage, limit = telegramTextLimit): TelegramPart[] {
  const author = message.author;
  const body = author?.kind === 'bot' || author === undefined ? markdownToTelegramHtml(message.text) : escapeHtml(message.text);
  const heading = author?.kind === 'agent' && author.name ? `<b>${escapeHtml(author.name)}</b>\n` : '';
  const link = message.link ? `\n\n<a href="${escapeAttribute(message.link.url)}">${escapeHtml(message.link.label)}</a>` : '';
  const parts = splitHtml(`${heading}${body}${link}`, limit).map((html): TelegramPart => ({ html }));
  const buttons = message.buttons.map((button) => ({ text: button.label, callback_data: toCallbackData(button.payload) }));
  if (buttons.length > 0) parts.at(-1)!.keyboard = message.kind === 'rating' ? ratingRows(buttons) : buttons.map((button) => [button]);
  return parts;
}

/** A phone shows about seven scores in a row: more (NPS's 0–10) go in even rows, 6 + 5. */
const maxScoresPerRow = 7;

function ratingRows(buttons: InlineButton[]): InlineButton[][] {
  const perRow = Math.ceil(buttons.length / Math.ceil(buttons.length / maxScoresPerRow));
  return Array.from({ length: Math.ceil(buttons.length / perRow) }, (_, row) => buttons.slice(row * perRow, (row + 1) * perRow));
}

/**
 * Splits at the last paragraph break, else line break, else space before the limit, never
 * inside a tag or an entity such as `&amp;`; a tag opened in one part is closed there and
 * reopened in the next, so each part is valid HTML on its own.
 */
export function splitHtml(html: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = html;
  let carried: string[] = [];
  while (rest.length > 0) {
    const reopen = carried.map((tag) => `<${tag}>`).join('');
    const room = limit - reopen.length - 16; // leaves room to close the tags still open
    if (reopen.length + rest.length <= limit) {
      parts.push(reopen + rest);
      break;
    }
    const cut = cutPoint(rest, room);
    const head = reopen + rest.slice(0, cut).trimEnd();
    const open = openTags(head);
    parts.push(head + open.map((tag) => `</${tag}>`).reverse().join(''));
    carried = open.filter((tag) => tag !== 'a');
    rest = rest.slice(cut).trimStart();
  }
  return parts.filter((part) => part.trim().length > 0);
}

function cutPoint(text: string, room: number): number {
  const window = text.slice(0, room);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > room / 2 && isOutsideMarkup(window, at)) return at;
  }
  let at = room;
  while (at > 0 && !isOutsideMarkup(window, at)) at--;
  return at > 0 ? at : room;
}

/** True when position `at` is not inside a `<tag …>` or an `&entity;`. */
function isOutsideMarkup(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const insideTag = before.lastIndexOf('<') > before.lastIndexOf('>');
  const amp = before.lastIndexOf('&');
  const insideEntity = amp >= 0 && amp > before.lastIndexOf(';') && /^&[a-z#0-9]*$/i.test(before.slice(amp));
  return !insideTag && !insideEntity;
}

/** The tags left open at the end of `html`, outermost first. */
function openTags(html: string): string[] {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    const at = stack.lastIndexOf(match[2]!);
    if (!match[1]) stack.push(match[2]!);
    else if (at >= 0) stack.splice(at, 1);
  }
  return stack;
}
