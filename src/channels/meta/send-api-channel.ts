import { z } from 'zod';
import type { Channel, SendOptions, SendReceipt } from '../../core/channel.js';
import { ChannelSendError } from '../../core/channel-send-error.js';
import type { OutboundMessage, PlatformAddress } from '../../core/messages.js';
import type { GraphApiClient } from './graph-api-client.js';
import { sendApiAddressSchema } from './messaging-webhook.js';
import { outboundText } from './outbound-text.js';
import type { OwnSends } from '../own-sends.js';
import { shorten, splitText } from './split-text.js';

/** Meta lets a business answer for 24 hours after the customer's last message. */
export const metaMessagingWindowMs = 24 * 60 * 60 * 1000;

/** Messenger and Instagram show at most 13 quick replies, each title at most 20 characters. */
const maxQuickReplies = 13;
const maxQuickReplyTitle = 20;

const sendResponseSchema = z.looseObject({ message_id: z.string().optional() });

/** One `message` object of the Send API. */
export interface SendApiMessage {
  text: string;
  quick_replies?: { content_type: 'text'; title: string; payload: string }[];
}

/**
 * Renders an outbound message for the Send API: the text split to the platform's length
 * limit, with the buttons (choices, "did this help?", a CSAT rating) as quick replies on the
 * last piece. A pressed quick reply comes back with its payload.
 */
export function sendApiMessages(message: OutboundMessage, fits: (piece: string) => boolean): SendApiMessage[] {
  const pieces = splitText(outboundText(message), fits);
  const messages: SendApiMessage[] = pieces.map((text) => ({ text }));
  const buttons = message.buttons.slice(0, maxQuickReplies);
  if (buttons.length > 0) {
    messages[messages.length - 1]!.quick_replies = buttons.map((button) => ({ content_type: 'text', title: shorten(button.label, maxQuickReplyTitle), payload: button.payload }));
  }
  return messages;
}

/**
 * The sending side of Messenger and Instagram: `POST /me/messages` of the Graph API with
 * the page's token (`messaging_type: RESPONSE`), typing via `sender_action`. Replies are
 * allowed for 24 hours after the customer's last message (`messagingWindowMs`).
 */
export class SendApiChannel implements Channel {
  readonly messagingWindowMs = metaMessagingWindowMs;

  constructor(
    readonly id: 'messenger' | 'instagram',
    private readonly graph: GraphApiClient,
    private readonly accessToken: string,
    private readonly fits: (piece: string) => boolean,
    private readonly echoes: {
      /** Sent as `message.metadata` (Messenger echoes it back), so the echo of Careline's own send is known; Instagram has none. */
      metadata?: string;
      /** Remembers the ids of Careline's sends as Meta answers, for echoes that come before the transcript knows them. */
      ownSends?: OwnSends;
    } = {},
  ) {}

  async send(address: PlatformAddress, message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
    const recipient = recipientOf(address);
    const { metadata, ownSends } = this.echoes;
    let platformMessageId: string | undefined;
    for (const piece of sendApiMessages(message, this.fits)) {
      const post = async () => {
        const response = await this.graph.post('me/messages', this.accessToken, { recipient, messaging_type: 'RESPONSE', message: metadata ? { ...piece, metadata } : piece }, options.signal);
        const id = sendResponseSchema.safeParse(response).data?.message_id;
        if (id) ownSends?.remember(id);
        return id;
      };
      platformMessageId = (await (ownSends ? ownSends.track('id' in recipient ? recipient.id : recipient.user_ref, post) : post())) ?? platformMessageId;
    }
    return platformMessageId ? { platformMessageId } : {};
  }

  async typing(address: PlatformAddress): Promise<void> {
    const recipient = recipientOf(address);
    // Sender actions need a page-scoped id; a customer known only by a user_ref sees no typing.
    if ('id' in recipient) await this.graph.post('me/messages', this.accessToken, { recipient, sender_action: 'typing_on' });
  }
}

/** The Send API's `recipient`: the page-scoped id, or the `user_ref` a customer who has none yet (a chat plugin or checkbox) was known by. */
function recipientOf(address: PlatformAddress): { id: string } | { user_ref: string } {
  const parsed = sendApiAddressSchema.safeParse(address);
  if (!parsed.success) throw new ChannelSendError('The stored address has no Send API recipient id.', { permanent: true });
  return parsed.data.userRef ? { user_ref: parsed.data.userId } : { id: parsed.data.userId };
}
