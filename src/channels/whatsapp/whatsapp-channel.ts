import { z } from 'zod';
import type { Channel, MediaSource, SendOptions, SendReceipt } from '../../core/channel.js';
import { ChannelSendError } from '../../core/channel-send-error.js';
import type { Attachment, OutboundMessage, PlatformAddress } from '../../core/messages.js';
import type { GraphApiClient } from '../meta/graph-api-client.js';
import { metaMessagingWindowMs } from '../meta/send-api-channel.js';
import { whatsappContents } from './whatsapp-message.js';
import { whatsappAddressSchema } from './whatsapp-webhook.js';

/** What `GET /{media-id}` answers (Cloud API, Media). */
const mediaLookupSchema = z.looseObject({ url: z.url(), mime_type: z.string().optional(), file_size: z.number().optional() });

const sendResponseSchema = z.looseObject({ messages: z.array(z.looseObject({ id: z.string() })).optional() });

/**
 * The sending side of WhatsApp: `POST /{phone-number-id}/messages` of the Cloud API with
 * the system-user token; texts, reply buttons and lists (see `whatsappContents`). Free-form
 * messages are allowed for 24 hours after the customer's last message.
 */
export class WhatsappChannel implements Channel {
  readonly id = 'whatsapp' as const;
  readonly messagingWindowMs = metaMessagingWindowMs;

  constructor(
    private readonly graph: GraphApiClient,
    private readonly accessToken: string,
    private readonly phoneNumberId: string,
  ) {}

  /** A media id's download URL (`GET /{media-id}`, valid for minutes) and the token it needs, or null when WhatsApp no longer has it. */
  async mediaSource(attachment: Attachment): Promise<MediaSource | null> {
    if (!attachment.mediaId) return null;
    try {
      const found = mediaLookupSchema.safeParse(await this.graph.get(encodeURIComponent(attachment.mediaId), this.accessToken));
      return found.success ? { url: found.data.url, headers: { authorization: `Bearer ${this.accessToken}` } } : null;
    } catch {
      return null; // expired (media are kept 30 days) or unknown: the agent is told the media is unavailable
    }
  }

  async send(address: PlatformAddress, message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
    const { phone } = parseAddress(address);
    let platformMessageId: string | undefined;
    for (const content of whatsappContents(message)) {
      const response = await this.graph.post(`${this.phoneNumberId}/messages`, this.accessToken, { messaging_product: 'whatsapp', recipient_type: 'individual', to: phone, ...content }, options.signal);
      platformMessageId = sendResponseSchema.safeParse(response).data?.messages?.[0]?.id ?? platformMessageId;
    }
    return platformMessageId ? { platformMessageId } : {};
  }

  /** Marks the customer's latest message read and shows "typing…" (until the reply, at most 25 s). */
  async typing(address: PlatformAddress): Promise<void> {
    const { lastMessageId } = parseAddress(address);
    if (!lastMessageId) return;
    await this.graph.post(`${this.phoneNumberId}/messages`, this.accessToken, { messaging_product: 'whatsapp', status: 'read', message_id: lastMessageId, typing_indicator: { type: 'text' } });
  }
}

function parseAddress(address: PlatformAddress) {
  const parsed = whatsappAddressSchema.safeParse(address);
  if (!parsed.success) throw new ChannelSendError('The stored address has no WhatsApp phone number.', { permanent: true });
  return parsed.data;
}
