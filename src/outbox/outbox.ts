import type { ChannelId } from '../channels/channel-id.js';
import type { OutboundMessage, PlatformAddress } from '../channels/messages.js';
import { completeLease, failLease, leaseNextDue } from '../jobs/lease.js';
import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { outboxEntrySchema, type OutboxEntry } from './outbox-entry.js';

/** The durable outbox: every outbound send is written here first and delivered by a worker. */
export class Outbox {
  private readonly entries;

  constructor(store: DocumentStore) {
    this.entries = store.collection<OutboxEntry>('outbox');
  }

  async enqueue(input: { channel: ChannelId; conversationId: string; address: PlatformAddress; message: OutboundMessage; dueAt?: Date }): Promise<OutboxEntry> {
    const now = new Date();
    const entry = outboxEntrySchema.parse({ _id: newId('out'), status: 'pending', attempts: 0, createdAt: now, dueAt: input.dueAt ?? now, ...input });
    return this.entries.insertOne(entry);
  }

  lease(worker: string, now = new Date(), leaseMs = 30_000): Promise<OutboxEntry | null> {
    return leaseNextDue(this.entries, { worker, now, leaseMs });
  }

  markSent(entry: OutboxEntry, worker: string, platformMessageId?: string): Promise<boolean> {
    return completeLease(this.entries, entry._id, worker, { sentAt: new Date(), ...(platformMessageId ? { platformMessageId } : {}) });
  }

  markFailed(entry: OutboxEntry, worker: string, error: string, retryAt: Date, maxAttempts = 8): Promise<boolean> {
    return failLease(this.entries, entry, worker, { error, retryAt, maxAttempts });
  }

  pendingFor(conversationId: string): Promise<OutboxEntry[]> {
    return this.entries.find({ conversationId, status: 'pending' }, { sort: { dueAt: 1 } });
  }
}
