import type { Message } from '../../conversations/message.js';
import type { Button, Link, OutboundMessage } from '../../core/messages.js';
import type { Locale } from '../../core/locale.js';

/** A transcript line as the widget shows it. */
export interface WebchatMessage {
  id: string;
  author: 'customer' | 'bot' | 'agent' | 'system';
  authorName?: string;
  text: string;
  buttons: Button[];
  /** `rating`: the buttons are a satisfaction scale (shown as stars). */
  kind?: 'rating';
  link?: Link;
  /** The widget's own id of a customer message, to match it with what it showed while sending. */
  clientId?: string;
  at: string;
}

/** The persona's words the widget's own Vietnamese and Chinese lines use (`{persona.you}`: its welcome, its notes). */
export type WidgetPersona = Partial<Record<Locale, Record<string, string>>>;

/** What the socket and the HTTP fallback exchange, server to widget. */
export type WebchatServerEvent =
  | { type: 'history'; conversationId: string | null; messages: WebchatMessage[]; persona: WidgetPersona }
  | { type: 'message'; message: WebchatMessage }
  | { type: 'ack'; clientId: string; message: WebchatMessage }
  | { type: 'typing' }
  /** `retryAfterSeconds`: over a rate limit, send again after it; `retryable`: the server failed, send again shortly. */
  | { type: 'error'; clientId?: string; error: string; retryAfterSeconds?: number; retryable?: boolean };

/** A stored transcript line for the widget (internal fields left out). */
export function fromStoredMessage(message: Message): WebchatMessage {
  return {
    id: message._id,
    author: message.author.kind,
    ...(message.author.name ? { authorName: message.author.name } : {}),
    text: message.text,
    buttons: message.buttons,
    ...(message.kind === 'rating' ? { kind: 'rating' as const } : {}),
    ...(message.link ? { link: message.link } : {}),
    ...(message.direction === 'in' && message.platformMessageId ? { clientId: message.platformMessageId } : {}),
    at: message.createdAt.toISOString(),
  };
}

/** An outbound message being sent now, for the widget. */
export function fromOutbound(message: OutboundMessage): WebchatMessage {
  return {
    id: message.messageId ?? `tmp_${Date.now()}`,
    author: message.author?.kind ?? 'bot',
    ...(message.author?.name ? { authorName: message.author.name } : {}),
    text: message.text,
    buttons: message.buttons,
    ...(message.kind === 'rating' ? { kind: 'rating' as const } : {}),
    ...(message.link ? { link: message.link } : {}),
    at: new Date().toISOString(),
  };
}
