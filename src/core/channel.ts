import type { ChannelId } from './channel-id.js';
import type { Attachment, OutboundMessage, PlatformAddress } from './messages.js';

/** What a send produced: the platform's id of the message, when it gives one. */
export interface SendReceipt {
  platformMessageId?: string;
}

/** Where a customer's media can be fetched: a URL, and the headers the platform wants (its token). */
export interface MediaSource {
  url: string;
  headers?: Record<string, string>;
}

/** How one send may be cut short: the outbox aborts a send the platform has not answered in time. */
export interface SendOptions {
  signal?: AbortSignal;
}

/**
 * The channel port: a channel turns its platform's payloads into `InboundMessage`s (in its
 * own routes) and sends `OutboundMessage`s to an address it stored earlier. Showing that
 * the bot is typing is optional.
 */
export interface Channel {
  readonly id: ChannelId;
  /**
   * How long after the customer's last message the platform lets the business write
   * (Messenger, Instagram, WhatsApp: 24 h); absent when there is no such window.
   * Surveys are not sent outside it.
   */
  readonly messagingWindowMs?: number;
  send(address: PlatformAddress, message: OutboundMessage, options?: SendOptions): Promise<SendReceipt>;
  typing?(address: PlatformAddress): Promise<void>;
  /** Where an attachment the platform names by id (`mediaId`) can be fetched, or null when it cannot (any more). */
  mediaSource?(attachment: Attachment): Promise<MediaSource | null>;
}
