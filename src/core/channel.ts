import type { ChannelId } from './channel-id.js';
import type { OutboundMessage, PlatformAddress } from './messages.js';

/** What a send produced: the platform's id of the message, when it gives one. */
export interface SendReceipt {
  platformMessageId?: string;
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
}
