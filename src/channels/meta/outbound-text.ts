import type { OutboundMessage } from '../../core/messages.js';
import { chatTextOf } from '../chat-markdown.js';

/**
 * The text a Meta platform shows for an outbound message: an agent's name first (the
 * customer should know a person writes), then the text (the bot's Markdown in WhatsApp's
 * and Messenger's `*bold*` / `_italic_` marks, tables as lines), then the link, if any, as
 * a URL (plain-text platforms turn it into a link preview).
 */
export function outboundText(message: OutboundMessage): string {
  const name = message.author?.kind === 'agent' && message.author.name ? `${message.author.name}: ` : '';
  const link = message.link ? `\n\n${message.link.label}: ${message.link.url}` : '';
  return `${name}${chatTextOf(message, 'marks')}${link}`;
}
