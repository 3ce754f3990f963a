import type { Logger } from 'pino';
import type { User } from '../accounts/user.js';
import type { UserRepository } from '../accounts/user-repository.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { EventBus } from '../events/event-bus.js';
import { ConflictError } from '../core/app-error.js';
import type { AgentDesk } from './agent-desk.js';
import type { AgentPresence } from './agent-presence.js';
import { byQueueOrder } from './sla.js';
import type { TicketRepository } from './ticket-repository.js';

/**
 * Automatic routing (when `routing.autoAssign` is on): each waiting conversation, in queue
 * order, goes to the online agent with the fewest open conversations, below that agent's
 * limit (`maxConversations`). Runs when a conversation is handed off, when an agent comes
 * online and when an agent frees a slot; runs never overlap.
 */
export class AutoAssigner {
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      presence: AgentPresence;
      users: UserRepository;
      conversations: ConversationRepository;
      tickets: TicketRepository;
      desk: AgentDesk;
      logger: Logger;
    },
  ) {}

  /** Subscribes to the events that can make an assignment possible. */
  listen(events: EventBus): void {
    const trigger = () => void this.assignWaiting();
    events.on('conversation.handed_off', trigger);
    events.on('agent.online', trigger);
    events.on('conversation.resolved', trigger);
    events.on('conversation.handed_back', trigger);
  }

  /** Assigns as many waiting conversations as agents have room for. */
  assignWaiting(): Promise<void> {
    this.running = this.running.then(() => this.assignAll()).catch((error: unknown) => this.deps.logger.error({ err: error }, 'automatic assignment failed'));
    return this.running;
  }

  private async assignAll(): Promise<void> {
    const waiting = (await this.deps.tickets.waiting()).sort(byQueueOrder);
    for (const ticket of waiting) {
      const agent = await this.leastBusyAgent();
      if (!agent) return;
      try {
        await this.deps.desk.claim(ticket._id, agent);
      } catch (error) {
        // An agent claimed it by hand meanwhile: fine, go on with the next one.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }

  private async leastBusyAgent(): Promise<User | null> {
    let best: { user: User; load: number } | null = null;
    for (const agentId of this.deps.presence.onlineIds()) {
      const user = await this.deps.users.get(agentId);
      if (!user || user.disabled || !user.roles.some((role) => role === 'agent' || role === 'admin')) continue;
      const load = (await this.deps.conversations.ownedBy(agentId)).length;
      if (load >= user.maxConversations) continue;
      if (!best || load < best.load) best = { user, load };
    }
    return best?.user ?? null;
  }
}
