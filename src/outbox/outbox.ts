import type { ChannelId } from '../channels/channel-id.js';
import type { OutboundMessage, PlatformAddress } from '../channels/messages.js';
import { completeLease, failLease, leaseNextDue } from '../jobs/lease.js';
import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { outboxEntrySchema, type OutboxEntry } from './outbox-entry.js';

let lastSeq = 0;

/** A number larger than every earlier one, in this process and (by the clock) across restarts. */
function nextSeq(): number {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  return lastSeq;
}

/** What to put in the outbox: a send to retry (`pending`) or a record of one that failed for good. */
export interface OutboxInput {
  channel: ChannelId;
  conversationId: string;
  address: PlatformAddress;
  message: OutboundMessage;
  dueAt?: Date;
  /** Attempts already made (1 when the first send failed before the entry was written). */
  attempts?: number;
  status?: 'pending' | 'failed';
  lastError?: string;
}

/**
 * The durable outbox: sends that could not be made at once wait here, in order per
 * conversation, until `OutboxWorker` delivers them (or gives up and marks them failed).
 */
export class Outbox {
  private readonly entries;

  constructor(store: DocumentStore) {
    this.entries = store.collection<OutboxEntry>('outbox');
  }

  async enqueue(input: OutboxInput): Promise<OutboxEntry> {
    const now = new Date();
    const entry = outboxEntrySchema.parse({ _id: newId('out'), status: 'pending', attempts: 0, createdAt: now, seq: nextSeq(), ...input, dueAt: input.dueAt ?? now });
    return this.entries.insertOne(entry);
  }

  /** Takes the earliest due entry for `worker` (its `attempts` counts this try). */
  lease(worker: string, now = new Date(), leaseMs = 30_000): Promise<OutboxEntry | null> {
    return leaseNextDue(this.entries, { worker, now, leaseMs });
  }

  markSent(entry: OutboxEntry, worker: string, platformMessageId?: string): Promise<boolean> {
    return completeLease(this.entries, entry._id, worker, { sentAt: new Date(), ...(platformMessageId ? { platformMessageId } : {}) });
  }

  /** Releases a failed try: due again at `retryAt`, or failed for good once `maxAttempts` were made. */
  markFailed(entry: OutboxEntry, worker: string, error: string, retryAt: Date, maxAttempts = 8): Promise<boolean> {
    return failLease(this.entries, entry, worker, { error, retryAt, maxAttempts });
  }

  /** Marks a leased entry failed for good (the platform refused it; retrying cannot help). */
  async markRejected(entry: OutboxEntry, worker: string, error: string): Promise<boolean> {
    const result = await this.entries.updateOne(
      { _id: entry._id, leasedBy: worker, status: 'pending' },
      { $set: { status: 'failed', lastError: error.slice(0, 2000), leaseUntil: null, leasedBy: null } },
    );
    return result.matchedCount === 1;
  }

  /** Puts a leased entry back untried, due at `dueAt` (it must wait for an earlier entry of its conversation). */
  async release(entry: OutboxEntry, worker: string, dueAt: Date): Promise<boolean> {
    const result = await this.entries.updateOne({ _id: entry._id, leasedBy: worker, status: 'pending' }, { $set: { dueAt, leaseUntil: null, leasedBy: null }, $inc: { attempts: -1 } });
    return result.matchedCount === 1;
  }

  /** The conversation's pending entries, oldest first: the first one is sent before any other. */
  pendingFor(conversationId: string): Promise<OutboxEntry[]> {
    return this.entries.find({ conversationId, status: 'pending' }, { sort: { seq: 1 } });
  }

  /** Every pending entry, soonest due first (a start-up scan; normally few). */
  pending(): Promise<OutboxEntry[]> {
    return this.entries.find({ status: 'pending' }, { sort: { dueAt: 1 } });
  }

  /** When the next pending entry is due, or null when none is pending. */
  async nextDueAt(): Promise<Date | null> {
    const next = await this.entries.findOne({ status: 'pending' }, { sort: { dueAt: 1 } });
    return next?.dueAt ?? null;
  }

  /** The transcript id of the message a retried send delivered as `platformMessageId`, or null (delivery receipts name only the platform's id). */
  async sentMessageId(channel: ChannelId, platformMessageId: string): Promise<string | null> {
    const entry = await this.entries.findOne({ channel, platformMessageId, status: 'done' });
    return entry?.message.messageId ?? null;
  }

  get(id: string): Promise<OutboxEntry | null> {
    return this.entries.findOne({ _id: id });
  }
}
