import type { Logger } from 'pino';
import type { ChannelId } from '../core/channel-id.js';
import type { SendReceipt } from '../core/channel.js';
import type { ChannelRegistry } from '../core/channel-registry.js';
import { ChannelSendError } from '../core/channel-send-error.js';
import type { OutboundMessage, PlatformAddress } from '../core/messages.js';
import type { Config } from '../config/config-schema.js';
import { KeyedQueue } from '../core/keyed-queue.js';
import { backoffDelay } from '../jobs/lease.js';
import { newId } from '../storage/new-id.js';
import type { Outbox } from './outbox.js';
import type { OutboxEntry } from './outbox-entry.js';

/** Retry timing of outbound sends (`config.outbox`). */
export type OutboxSettings = Config['outbox'];

/** One message to send to a conversation's customer. */
export interface SendRequest {
  conversationId: string;
  channel: ChannelId;
  address: PlatformAddress;
  message: OutboundMessage;
}

/** What became of a send: made now, queued for a retry, or refused for good by the platform. */
export type SendOutcome = { status: 'sent'; platformMessageId?: string } | { status: 'queued'; entryId: string } | { status: 'failed'; error: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isPermanent = (error: unknown): boolean => error instanceof ChannelSendError && error.permanent;

/**
 * Delivers outbound messages in order per conversation, durably. `dispatch` writes the
 * message to the outbox first (so a send the process dies during is retried after the
 * restart) and then tries the channel at once, within the send timeout; a retryable
 * failure (429, 5xx, network, timeout) stays in the outbox with backoff, and while a
 * conversation has entries waiting there, its later messages queue behind them. The worker
 * leases due entries, sends them oldest first per conversation, retries with exponential
 * backoff (at least the platform's Retry-After) up to `maxAttempts`, then marks them
 * failed. A permanent failure (4xx) is recorded, not retried.
 *
 * Delivery is at least once: a platform that took a message but never answered (or a
 * process killed between the send and its record) gets it again. Ordering is kept within
 * one process; several processes on one store each order their own sends and pick up each
 * other's retries when due.
 */
export class OutboxWorker {
  readonly workerId = newId('wkr');
  private readonly lanes = new KeyedQueue();
  /** Conversations with entries pending in the outbox: their new messages queue behind them. */
  private readonly waiting = new Set<string>();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  /** First tries of `dispatch` still running. */
  private readonly trying = new Set<Promise<SendOutcome>>();

  constructor(
    private readonly deps: {
      outbox: Outbox;
      channels: ChannelRegistry;
      logger: Logger;
      settings: OutboxSettings;
      /** Told of each message a platform took, with the platform's id (delivery receipts name it). */
      onSent?: (entry: OutboxEntry, receipt: SendReceipt) => Promise<void>;
    },
  ) {}

  /** Loads which conversations have pending entries (e.g. from before a restart) and starts retrying. */
  async start(): Promise<void> {
    for (const entry of await this.deps.outbox.pending()) this.waiting.add(entry.conversationId);
    this.running = true;
    this.wake(new Date());
  }

  /** Stops retrying; resolves once the sends in progress, if any, have been recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    await Promise.allSettled([this.draining, ...this.trying]);
  }

  /**
   * Resolves once the worker is quiet: no send in flight (first tries and retries alike) and
   * no pending entry due now; a retry waiting out its backoff, or an entry another process
   * holds, is not waited for. Resolves true when it had to wait. For shutdown and for tests
   * that check nothing else was sent.
   */
  async idle(): Promise<boolean> {
    let waited = false;
    for (;;) {
      if (this.draining || this.trying.size > 0) {
        waited = true;
        await Promise.allSettled([this.draining, ...this.trying]);
        continue;
      }
      const next = await this.deps.outbox.nextDueAt();
      if (!this.running || !next || next.getTime() > Date.now()) return waited;
      // Due now but its timer has not fired yet: look at once.
      waited = true;
      this.drain();
    }
  }

  /**
   * Queues `request` in the outbox (once per transcript message: a repeat is not queued
   * again) and resolves as soon as it is stored; the send is tried at once in the
   * conversation's order. `sent` tells what became of that first try.
   */
  /** The id of our stored message that a platform's id (from a delivery receipt) names, when this worker sent it. */
  sentMessageId(channel: ChannelId, platformMessageId: string): Promise<string | null> {
    return this.deps.outbox.sentMessageId(channel, platformMessageId);
  }

  async dispatch(request: SendRequest): Promise<{ entryId: string; sent: Promise<SendOutcome> }> {
    const id = request.message.messageId ? `out_${request.message.messageId}` : newId('out');
    const lease = { worker: this.workerId, until: new Date(Date.now() + this.leaseMs()) };
    const { entry, created } = await this.deps.outbox.enqueueOnce({ ...request, id, attempts: 1, lease });
    if (!created) return { entryId: entry._id, sent: Promise.resolve(entry.status === 'done' ? { status: 'sent' } : { status: 'queued', entryId: entry._id }) };
    const sent = this.lanes.run(request.conversationId, () => this.attempt(entry));
    this.trying.add(sent);
    void sent.then(
      () => this.trying.delete(sent),
      () => this.trying.delete(sent),
    );
    return { entryId: entry._id, sent };
  }

  /** How long a worker holds an entry it tries: past the send timeout, so nobody else sends it meanwhile. */
  private leaseMs(): number {
    return this.deps.settings.sendTimeoutMs + 5_000;
  }

  /** The channel's send, abandoned (and retryable) when the platform has not answered within the timeout. */
  private async sendWithTimeout(entry: OutboxEntry): Promise<SendReceipt> {
    const channel = this.deps.channels.get(entry.channel);
    if (!channel) throw new ChannelSendError(`The ${entry.channel} channel is not enabled on this server`);
    const timeoutMs = this.deps.settings.sendTimeoutMs;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new ChannelSendError(`The ${entry.channel} platform did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([channel.send(entry.address, entry.message, { signal: abort.signal }), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Backoff for the try after `attempts` tries, never sooner than the platform asked. */
  private retryDelay(attempts: number, error: unknown): number {
    const backoff = backoffDelay(attempts, this.deps.settings.retryBaseMs, this.deps.settings.retryMaxMs);
    const asked = error instanceof ChannelSendError ? (error.retryAfterMs ?? 0) : 0;
    return Math.max(backoff, asked);
  }

  /** Makes the worker look at the outbox by `at` (sooner if already planned). */
  private wake(at: Date): void {
    if (!this.running) return;
    const when = Math.min(at.getTime(), Date.now() + this.deps.settings.pollMs);
    if (this.timer && this.timerAt <= when) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = when;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.drain();
    }, Math.max(0, when - Date.now()));
    this.timer.unref();
  }

  private drain(): void {
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drainDue()
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'the outbox worker failed; it tries again at the next poll'))
      .finally(() => {
        this.draining = null;
        if (this.drainAgain) {
          this.drainAgain = false;
          this.drain();
        }
      });
  }

  /** Sends every due entry, one at a time, then plans the next look. */
  private async drainDue(): Promise<void> {
    while (this.running) {
      const entry = await this.deps.outbox.lease(this.workerId, new Date(), this.leaseMs());
      if (!entry) break;
      this.waiting.add(entry.conversationId);
      await this.lanes.run(entry.conversationId, () => this.attempt(entry));
    }
    if (!this.running) return;
    const next = await this.deps.outbox.nextDueAt();
    this.wake(next ?? new Date(Date.now() + this.deps.settings.pollMs));
  }

  /** Tries a leased entry unless an earlier one of its conversation is pending (then it waits for it). */
  private async attempt(entry: OutboxEntry): Promise<SendOutcome> {
    const { outbox } = this.deps;
    if (this.waiting.has(entry.conversationId)) {
      const [head] = await outbox.pendingFor(entry.conversationId);
      if (head && head._id !== entry._id) {
        // An earlier message of this conversation is still pending: wait until it is due, or until
        // another process's lease on it ends. One this worker holds is being tried in this
        // conversation's lane, and its end wakes the messages behind it (waiting out its lease
        // instead held a reply up to the send timeout and more).
        const heldUntil = head.leasedBy && head.leasedBy !== this.workerId && head.leaseUntil ? head.leaseUntil.getTime() : 0;
        const dueAt = new Date(Math.max(head.dueAt.getTime(), heldUntil, Date.now()) + 1);
        await outbox.release(entry, this.workerId, dueAt);
        this.wake(dueAt);
        return { status: 'queued', entryId: entry._id };
      }
    }
    let outcome: SendOutcome;
    try {
      const receipt = await this.sendWithTimeout(entry);
      await outbox.markSent(entry, this.workerId, receipt.platformMessageId);
      await this.deps.onSent?.(entry, receipt).catch((error: unknown) => this.deps.logger.warn({ err: error, entryId: entry._id }, 'recording a sent message failed'));
      outcome = { status: 'sent', ...(receipt.platformMessageId ? { platformMessageId: receipt.platformMessageId } : {}) };
    } catch (error) {
      outcome = await this.retryLater(entry, error);
    }
    if (outcome.status === 'sent' || outcome.status === 'failed') {
      if (this.waiting.has(entry.conversationId)) {
        // The conversation's next message may go now.
        if ((await outbox.pendingFor(entry.conversationId)).length === 0) this.waiting.delete(entry.conversationId);
        else this.wake(new Date());
      }
    } else this.waiting.add(entry.conversationId);
    return outcome;
  }

  private async retryLater(entry: OutboxEntry, error: unknown): Promise<SendOutcome> {
    const lastError = describe(error);
    const context = { err: error, conversationId: entry.conversationId, channel: entry.channel, entryId: entry._id, attempts: entry.attempts };
    if (isPermanent(error)) {
      await this.deps.outbox.markRejected(entry, this.workerId, lastError);
      this.deps.logger.warn(context, 'the platform refused a message; not retried (it stays in the transcript)');
      return { status: 'failed', error: lastError };
    }
    const { maxAttempts } = this.deps.settings;
    const retryAt = new Date(Date.now() + this.retryDelay(entry.attempts, error));
    await this.deps.outbox.markFailed(entry, this.workerId, lastError, retryAt, maxAttempts);
    if (entry.attempts >= maxAttempts) {
      this.deps.logger.error(context, `a message failed ${maxAttempts} times; given up (it stays in the transcript)`);
      return { status: 'failed', error: lastError };
    }
    this.deps.logger.warn(context, 'sending a message failed; retrying later from the outbox');
    this.wake(retryAt);
    return { status: 'queued', entryId: entry._id };
  }
}
