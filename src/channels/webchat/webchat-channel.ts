import { z } from 'zod';
import type { Channel, SendReceipt } from '../../core/channel.js';
import type { OutboundMessage, PlatformAddress } from '../../core/messages.js';
import { fromOutbound, type WebchatServerEvent } from './webchat-message.js';

/** Anything that can carry a server event to one open widget (a WebSocket). */
export interface WebchatConnection {
  send(data: string): void;
}

const addressSchema = z.object({ visitorId: z.string().min(1) });

/**
 * The web chat channel's sending side: pushes messages to every open widget of a visitor.
 * A visitor with no widget open misses nothing: the transcript is the mailbox, and the
 * widget reads it when it connects again.
 */
export class WebchatChannel implements Channel {
  readonly id = 'webchat' as const;
  private readonly connections = new Map<string, Set<WebchatConnection>>();

  /** Registers an open widget; returns the function that unregisters it. */
  connect(visitorId: string, connection: WebchatConnection): () => void {
    const set = this.connections.get(visitorId) ?? new Set<WebchatConnection>();
    set.add(connection);
    this.connections.set(visitorId, set);
    return () => {
      set.delete(connection);
      if (set.size === 0 && this.connections.get(visitorId) === set) this.connections.delete(visitorId);
    };
  }

  /** How many widgets are connected now. */
  get connectionCount(): number {
    let count = 0;
    for (const set of this.connections.values()) count += set.size;
    return count;
  }

  async send(address: PlatformAddress, message: OutboundMessage): Promise<SendReceipt> {
    this.push(address, { type: 'message', message: fromOutbound(message) });
    return message.messageId ? { platformMessageId: message.messageId } : {};
  }

  async typing(address: PlatformAddress): Promise<void> {
    this.push(address, { type: 'typing' });
  }

  private push(address: PlatformAddress, event: WebchatServerEvent): void {
    const { visitorId } = addressSchema.parse(address);
    const data = JSON.stringify(event);
    for (const connection of this.connections.get(visitorId) ?? []) connection.send(data);
  }
}
