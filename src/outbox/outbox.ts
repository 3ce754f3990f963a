import type { ChannelId } from '../core/channel-id.js';
import type { OutboundMessage, PlatformAddress } from '../core/messages.js';
import { completeLease, failLease, leaseNextDue } from '../jobs/lease.js';
import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
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
  /** A stable id (derived from the transcript message), so queuing the same message twice stores it once. */
  id?: string;
  /** Held by this worker until then: it is about to try the send itself. */
  lease?: { worker: string; until: Date };
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

  /** Stores an entry; with an `id` already stored, throws `DuplicateKeyError` (see `enqueueOnce`). */
  async enqueue(input: OutboxInput): Promise<OutboxEntry> {
    const now = new Date();
    const { id, lease, ...fields } = input;
    const entry = outboxEntrySchema.parse({
      _id: id ?? newId('out'),
      status: 'pending',
      attempts: 0,
      createdAt: now,
      seq: nextSeq(),
      ...fields,
      dueAt: input.dueAt ?? now,
      ...(lease ? { leasedBy: lease.worker, leaseUntil: lease.until } : {}),
    });
    return this.entries.insertOne(entry);
  }

  /** Stores an entry under its stable `id` unless it is stored already; `created: false` then. */
  async enqueueOnce(input: OutboxInput & { id: string }): Promise<{ entry: OutboxEntry; created: boolean }> {
    try {
      return { entry: await this.enqueue(input), created: true };
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const existing = await this.get(input.id);
      if (!existing) throw error;
      return { entry: existing, created: false };
    }
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

  /**
   * When the worker should look next: the earliest due entry nobody holds, or the earliest
   * end of a lease (a held entry can be taken once its holder's lease runs out); null when
   * none is pending.
   */
  async nextDueAt(now = new Date()): Promise<Date | null> {
    const [free, held] = await Promise.all([
      this.entries.findOne({ status: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] }, { sort: { dueAt: 1 } }),
      this.entries.findOne({ status: 'pending', leaseUntil: { $gt: now } }, { sort: { leaseUntil: 1 } }),
    ]);
    const times = [free?.dueAt, held?.leaseUntil].filter((at): at is Date => at instanceof Date).map((at) => at.getTime());
    return times.length > 0 ? new Date(Math.min(...times)) : null;
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
