import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { EventBus } from '../events/event-bus.js';

/** A request within this long after a conversation makes it a repeat contact (not resolved at first contact). */
export const repeatContactWindowMs = 7 * 86_400_000;

/**
 * Stamps what reports count on the conversation as it happens, so report pipelines group
 * on plain fields: `botAnswered` (the bot answered a question), `escalated` (handed to a
 * person), and `repeatContact` on the customer's previous conversation (any channel) when
 * a new request comes within 7 days of it. A conversation that only answered a survey is
 * no new request.
 */
export class ConversationFacts {
  constructor(private readonly conversations: ConversationRepository) {}

  listen(events: EventBus): void {
    events.on('bot.answered', ({ conversation }) => this.stamp(conversation, 'botAnswered'));
    events.on('conversation.handed_off', ({ conversation }) => this.stamp(conversation, 'escalated'));
  }

  private async stamp(conversation: Conversation, fact: 'botAnswered' | 'escalated'): Promise<void> {
    // Only the first request of a conversation checks for an earlier one.
    const first = await this.conversations.transition(conversation._id, { botAnswered: { $ne: true }, escalated: { $ne: true } }, { $set: { [fact]: true } });
    if (!first) {
      await this.conversations.transition(conversation._id, {}, { $set: { [fact]: true } });
      return;
    }
    const earlier = (await this.conversations.listByCustomer(conversation.customerId)).find(
      (other) => other._id !== conversation._id && other.createdAt <= conversation.createdAt && conversation.createdAt.getTime() - other.lastMessageAt.getTime() <= repeatContactWindowMs,
    );
    if (earlier && !earlier.repeatContact) await this.conversations.transition(earlier._id, {}, { $set: { repeatContact: true } });
  }
}
