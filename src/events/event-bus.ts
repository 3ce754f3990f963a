import { EventEmitter } from 'node:events';
// upward: the events carry the domain's own records (types only, no code), so their names and payloads stay in this one file.
import type { Conversation } from '../conversations/conversation.js';
// upward: as above, a message in its conversation.
import type { Message } from '../conversations/message.js';
// upward: as above, the ticket of a hand-off.
import type { Ticket } from '../handoff/ticket.js';

/**
 * Every event Careline emits, by name, with its payload. Named transitions emit; side
 * effects (CSAT, notifications, the agent console) listen. Names live only here.
 */
export interface CarelineEvents {
  /** The bot or an agent wrote to a customer (stored in the transcript). */
  'message.sent': { conversation: Conversation; message: Message };
  /** A customer's message was stored (not emitted for redeliveries). */
  'message.received': { conversation: Conversation; message: Message };
  /** A customer waiting for or with an agent is typing (throttled; no text). */
  'customer.typing': { conversation: Conversation };
  /** The bot answered a question with an article. */
  'bot.answered': { conversation: Conversation; message: Message; articleSlug: string };
  /** The customer thanked the bot or said goodbye (a bot-only conversation may be surveyed). */
  'customer.thanked': { conversation: Conversation; message: Message; intent: 'thanks' | 'goodbye' };
  /** The conversation was handed to the agents' queue with a ticket. */
  'conversation.handed_off': { conversation: Conversation; ticket: Ticket };
  /** An agent took the conversation (claimed from the queue or given by transfer). */
  'conversation.claimed': { conversation: Conversation; ticket: Ticket; agentId: string };
  /** An agent gave their conversation to another (`conversation.claimed` follows when it has a ticket). */
  'conversation.transferred': { conversation: Conversation; fromAgentId: string; fromName: string; toAgentId: string };
  /** An agent resolved the conversation; `agentId` is who owned it at that moment. */
  'conversation.resolved': { conversation: Conversation; ticket: Ticket | null; agentId: string };
  /** An agent gave the conversation back to the bot. */
  'conversation.handed_back': { conversation: Conversation; agentId: string };
  /** An agent changed a customer's name, segment, tags or contacts (`PATCH /api/customers/:id`). */
  'customer.updated': { customerId: string; agentId: string };
  /** An admin erased a customer's data; their open conversations and tickets were closed with it. */
  'customer.erased': { customerId: string; agentId: string };
  /** An agent opened the console (and can take conversations). */
  'agent.online': { agentId: string };
  /** An internal note was added to a ticket (never sent to the customer). */
  'ticket.noted': { ticket: Ticket; authorId: string };
  /** A waiting ticket's priority went up because the customer complained while waiting; `reasons` are the complaint's cues. */
  'ticket.priority_raised': { ticket: Ticket; from: Ticket['priority']; reasons: string[] };
}

export type EventName = keyof CarelineEvents;

/** A typed in-process event bus; a failing listener is reported, never breaks the emitter. */
export class EventBus {
  private readonly emitter = new EventEmitter();
  /** Listener work still running (listeners that returned a promise). */
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onListenerError: (event: EventName, error: unknown) => void = () => undefined) {
    this.emitter.setMaxListeners(50);
  }

  on<E extends EventName>(event: E, listener: (payload: CarelineEvents[E]) => void | Promise<void>): () => void {
    const wrapped = (payload: CarelineEvents[E]) => {
      try {
        const result = listener(payload);
        if (result instanceof Promise) {
          const work = result.catch((error: unknown) => this.onListenerError(event, error));
          this.running.add(work);
          void work.finally(() => this.running.delete(work));
        }
      } catch (error) {
        this.onListenerError(event, error);
      }
    };
    this.emitter.on(event, wrapped);
    return () => this.emitter.off(event, wrapped);
  }

  emit<E extends EventName>(event: E, payload: CarelineEvents[E]): void {
    this.emitter.emit(event, payload);
  }

  /** Resolves when no listener's work is still running (for shutdown and tests); true when it had to wait. */
  async idle(): Promise<boolean> {
    let waited = false;
    while (this.running.size > 0) {
      waited = true;
      await Promise.allSettled([...this.running]);
    }
    return waited;
  }
}
