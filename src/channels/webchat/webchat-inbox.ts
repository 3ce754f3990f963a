import { z } from 'zod';
import type { ConversationRepository } from '../../conversations/conversation-repository.js';
import type { MessageRepository } from '../../conversations/message-repository.js';
import type { CustomerRepository } from '../../customers/customer-repository.js';
import type { AcceptMessage } from '../channel-inbox.js';
import { fromStoredMessage, type WebchatMessage, type WidgetPersona } from './webchat-message.js';
import { defaultPersona, personaLocales, personaWordsOf, type Persona } from '../../config/persona.js';

const widgetPersona = (persona: Persona): WidgetPersona => Object.fromEntries(personaLocales.map((locale) => [locale, personaWordsOf(persona, locale)!]));

/** A message from the widget: typed text, or a pressed button (its label shown as the text). */
export const widgetMessageSchema = z
  .strictObject({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'expected the widget\'s message id (8–64 letters, digits, _ or -)' }),
    text: z.string().trim().max(2000).default(''),
    payload: z.string().min(1).max(256).optional(),
    locale: z.string().max(35).optional(),
  })
  .refine((message) => message.text.length > 0 || message.payload !== undefined, { error: 'expected text or a button payload', path: ['text'] });
export type WidgetMessage = z.infer<typeof widgetMessageSchema>;

/**
 * The web chat channel's receiving side, shared by the socket and the HTTP fallback: reads a
 * visitor's transcript and passes their messages to the engine. The widget's message id is
 * the platform message id, so a message resent after a lost connection is stored once.
 */
export class WebchatInbox {
  constructor(
    private readonly deps: {
      onMessage: AcceptMessage;
      customers: CustomerRepository;
      conversations: ConversationRepository;
      messages: MessageRepository;
      /** How the bot addresses customers; its words go to the widget with the transcript. */
      persona?: Persona;
    },
  ) {}

  /** The visitor's latest conversation, whole. */
  async history(visitorId: string): Promise<{ conversationId: string | null; messages: WebchatMessage[]; persona: WidgetPersona }> {
    const persona = widgetPersona(this.deps.persona ?? defaultPersona);
    const customer = await this.deps.customers.findByIdentity('webchat', visitorId);
    const conversation = customer ? await this.deps.conversations.latestFor(customer._id, 'webchat') : null;
    if (!conversation) return { conversationId: null, messages: [], persona };
    const transcript = await this.deps.messages.transcript(conversation._id);
    return { conversationId: conversation._id, messages: transcript.map(fromStoredMessage), persona };
  }

  /**
   * Records and answers one widget message; the bot's replies are also pushed to open
   * widgets. Message ids are unique per visitor: a `clientId` another visitor used too is
   * that visitor's own message, never answered with the other's.
   */
  async receive(visitorId: string, input: WidgetMessage): Promise<{ accepted: WebchatMessage; replies: WebchatMessage[]; duplicate: boolean }> {
    const accepted = await this.deps.onMessage({
      channel: 'webchat',
      externalUserId: visitorId,
      text: input.text,
      ...(input.payload ? { payload: input.payload } : {}),
      ...(input.locale ? { localeHint: input.locale } : {}),
      platformMessageId: input.clientId,
      address: { visitorId },
      receivedAt: new Date(),
    });
    const turn = await accepted.turn;
    return { accepted: fromStoredMessage(turn.message), replies: turn.replies.map(fromStoredMessage), duplicate: turn.duplicate };
  }
}
