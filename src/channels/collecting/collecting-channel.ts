import type { Channel, SendReceipt } from '../../core/channel.js';
import type { ChannelId } from '../../core/channel-id.js';
import type { OutboundMessage, PlatformAddress } from '../../core/messages.js';

/** One recorded send. */
export interface CollectedMessage {
  address: PlatformAddress;
  message: OutboundMessage;
}

/**
 * A channel that records what it is asked to send instead of sending it: the output of
 * `POST /api/chat` (one per request) and of engine tests.
 */
export class CollectingChannel implements Channel {
  readonly sent: CollectedMessage[] = [];
  typingCount = 0;

  constructor(readonly id: ChannelId = 'rest') {}

  async send(address: PlatformAddress, message: OutboundMessage): Promise<SendReceipt> {
    this.sent.push({ address, message });
    return {};
  }

  async typing(): Promise<void> {
    this.typingCount++;
  }

  /** The texts sent so far, in order. */
  get texts(): string[] {
    return this.sent.map((entry) => entry.message.text);
  }
}
