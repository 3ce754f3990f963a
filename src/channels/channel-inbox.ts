import type { Logger } from 'pino';
import type { Channel } from '../core/channel.js';
import type { ChannelId } from '../core/channel-id.js';
import type { InboundMessage } from '../core/messages.js';
import type { Accepted, Turn } from '../engine/conversation-engine.js';

/** Stores one inbound message and starts the bot's turn on it; resolves once it is stored (the engine's `accept`). */
export type AcceptMessage = (inbound: InboundMessage, output?: Channel) => Promise<Accepted>;

/**
 * A channel's receiving side, shared by every channel: store first, then acknowledge.
 * `accept` resolves once the message is stored (answer the platform then) and rejects when
 * it could not be (answer so that the platform delivers it again); the bot's turn runs on
 * in the background, a failure of it is logged, and `idle()` waits for the turns this inbox
 * started (shutdown drains every channel through it).
 */
export class ChannelInbox {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly channel: ChannelId,
    private readonly onMessage: AcceptMessage,
    private readonly logger: Logger,
  ) {}

  /** Stores the message and lets its turn run on; `after` runs once the turn is done (e.g. to keep a verified phone number). */
  async accept(inbound: InboundMessage, after?: (turn: Turn) => Promise<void>, output?: Channel): Promise<Accepted> {
    const accepted = await this.onMessage(inbound, output);
    const running: Promise<void> = accepted.turn
      .then(async (turn) => {
        if (after) await after(turn);
      })
      .catch((error: unknown) => this.logger.error({ err: error, channel: this.channel, platformMessageId: inbound.platformMessageId }, 'handling a customer message failed'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
    return accepted;
  }

  /** Resolves when every turn started through this inbox is done. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
