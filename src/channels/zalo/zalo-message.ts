import type { Locale } from '../../config/config-schema.js';
import { chatTextOf } from '../chat-markdown.js';
import type { Button, OutboundMessage } from '../../core/messages.js';
import { maxChars, splitText } from '../meta/split-text.js';
import { isScale, scaleLine } from '../numbered-text.js';

/** A button Zalo shows under a message; pressing an `oa.query.show` button sends `payload` as the follower's text. */
export interface ZaloButton {
  title: string;
  type: 'oa.query.show';
  payload: string;
}

/** The `message` of `POST /v3.0/oa/message/cs`: text, optionally with a button template. */
export interface ZaloMessage {
  text: string;
  attachment?: { type: 'template'; payload: { buttons: ZaloButton[] } };
}

/** Zalo shows at most 5 buttons under a message, titles up to 100 characters. */
export const zaloMaxButtons = 5;
const maxTitle = 100;
/** Zalo refuses a customer-service message whose text is over 2,000 characters. */
const zaloText = maxChars(2000);

const numberHint: Record<Locale, string> = {
  vi: 'Trả lời bằng số để chọn.',
  en: 'Reply with a number to choose.',
  cs: 'Odpovězte číslem volby.',
  zh: '请回复数字进行选择。',
};

/** Whether Zalo can show these buttons natively. */
export function fitsZaloButtons(buttons: Button[]): boolean {
  return buttons.length > 0 && buttons.length <= zaloMaxButtons && buttons.every((button) => button.label.length <= maxTitle);
}

/**
 * Renders an outbound message for Zalo: choices and rating prompts as `oa.query.show`
 * buttons whose payload is the button's label (what the follower then "says"), or, when
 * they do not fit, as numbered lines the follower answers with a number. An agent's
 * name leads their message; the bot's Markdown becomes plain text (Zalo shows no
 * formatting: marks dropped, lists as "• " lines, tables as "label: value" lines); a link
 * follows the text.
 */
export function renderZaloMessage(message: OutboundMessage): ZaloMessage {
  const text = chatTextOf(message, 'plain');
  const lines = [message.author?.kind === 'agent' && message.author.name ? `${message.author.name}: ${text}` : text];
  if (message.link) lines.push(`${message.link.label}: ${message.link.url}`);
  if (message.buttons.length === 0) return { text: lines.join('\n') };
  if (fitsZaloButtons(message.buttons)) {
    return {
      text: lines.join('\n'),
      attachment: { type: 'template', payload: { buttons: message.buttons.map((button) => ({ title: button.label, type: 'oa.query.show', payload: button.label })) } },
    };
  }
  // A 0–10 or 1–7 scale is answered with the score itself, not a position in a list.
  if (isScale(message.buttons)) return { text: [...lines, '', scaleLine(message.buttons)].join('\n') };
  const numbered = message.buttons.map((button, index) => `${index + 1}. ${button.label}`);
  return { text: [...lines, '', ...numbered, '', numberHint[message.locale ?? 'vi']].join('\n') };
}

/**
 * The messages to send for one outbound message: its rendering split at Zalo's 2,000
 * characters (at paragraph, line or word boundaries), the buttons under the last piece.
 * Numbered choices are part of the text, so they end the last piece.
 */
export function renderZaloMessages(message: OutboundMessage): ZaloMessage[] {
  const { text, attachment } = renderZaloMessage(message);
  const pieces = splitText(text, zaloText);
  return pieces.map((piece, index) => (attachment && index === pieces.length - 1 ? { text: piece, attachment } : { text: piece }));
}
