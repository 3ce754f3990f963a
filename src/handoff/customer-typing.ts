import type { ChannelId } from '../core/channel-id.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { EventBus } from '../events/event-bus.js';
import { ExpiringMap } from '../http/expiring-map.js';

/** A customer typing on a channel that tells (the widget's socket, Bot Framework `typing` activities); no text is carried. */
export interface TypingSignal {
  channel: ChannelId;
  /** The customer's id on the platform. */
  externalUserId: string;
}

/** The least time between two `customer.typing` events of one conversation: the console shows the indicator for a few seconds. */
export const customerTypingEveryMs = 2_000;

/**
 * Tells the agents' consoles that a customer is typing: a signal for a conversation waiting
 * for or with an agent emits `customer.typing`, at most once per `everyMs` per conversation
 * whatever the client sends, and again at once after the customer's message arrived (the
 * console drops the indicator then); a bot conversation (nobody is watching) or an unknown
 * customer emits nothing.
 */
export class CustomerTyping {
  private readonly lastEmitted: ExpiringMap<number>;
  private readonly inFlight = new Set<Promise<boolean>>();

  constructor(
    private readonly deps: { customers: CustomerRepository; conversations: ConversationRepository; events: EventBus; everyMs?: number; now?: () => number },
  ) {
    const everyMs = deps.everyMs ?? customerTypingEveryMs;
    this.lastEmitted = new ExpiringMap({ maxKeys: 10_000, pruneEveryMs: 60_000, isExpired: (at, now) => now - at >= everyMs });
    deps.events.on('message.received', ({ conversation }) => this.lastEmitted.delete(conversation._id));
  }

  /** Handles one signal; true when it reached the consoles. */
  typed(signal: TypingSignal): Promise<boolean> {
    const handled = this.handle(signal);
    this.inFlight.add(handled);
    const done = () => void this.inFlight.delete(handled);
    handled.then(done, done);
    return handled;
  }

  /** Resolves once every signal received so far was handled (passed on or dropped): for shutdown, and for tests that check nothing was passed on. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async handle(signal: TypingSignal): Promise<boolean> {
    const customer = await this.deps.customers.findByIdentity(signal.channel, signal.externalUserId);
    const conversation = customer && (await this.deps.conversations.latestFor(customer._id, signal.channel));
    const watched = conversation?.state === 'waiting' || conversation?.state === 'with_agent';
    if (!conversation || !watched) return false;
    const now = (this.deps.now ?? Date.now)();
    if (this.lastEmitted.get(conversation._id, now) !== undefined) return false;
    this.lastEmitted.set(conversation._id, now, now);
    this.deps.events.emit('customer.typing', { conversation });
    return true;
  }
}
