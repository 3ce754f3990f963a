import type { Logger } from 'pino';
import type { ChannelId } from '../channels/channel-id.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import { ChannelSendError } from '../channels/channel-send-error.js';
import type { OutboundMessage, PlatformAddress } from '../channels/messages.js';
import type { Config } from '../config/config-schema.js';
import { KeyedQueue } from '../engine/keyed-queue.js';
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

// A lease outlives any sane HTTP timeout of a send; a crashed worker's entry is retried after it.
const leaseMs = 60_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isPermanent = (error: unknown): boolean => error instanceof ChannelSendError && error.permanent;

/**
 * Delivers outbound messages in order per conversation, durably. `send` tries the channel at
 * once (no store round trip when it works); a retryable failure (429, 5xx, network) goes to
 * the outbox with backoff, and while a conversation has entries waiting there, its later
 * messages queue behind them. The worker leases due entries, sends them oldest first per
 * conversation, retries with exponential backoff (at least the platform's Retry-After) up to
 * `maxAttempts`, then marks them failed. A permanent failure (4xx) is recorded, not retried.
 *
 * Web chat never fails a send (a closed widget reads the transcript when it reconnects), so
 * its messages never wait here. Ordering is kept within one process; several processes on
 * one store each order their own sends and pick up each other's retries when due.
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

  constructor(
    private readonly deps: {
      outbox: Outbox;
      channels: ChannelRegistry;
      logger: Logger;
      settings: OutboxSettings;
    },
  ) {}

  /** Loads which conversations have pending entries (e.g. from before a restart) and starts retrying. */
  async start(): Promise<void> {
    for (const entry of await this.deps.outbox.pending()) this.waiting.add(entry.conversationId);
    this.running = true;
    this.wake(new Date());
  }

  /** Stops retrying; resolves once the send in progress, if any, has been recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    await this.draining;
  }

  /** Sends `request` now, or queues it behind the conversation's pending entries. */
  send(request: SendRequest): Promise<SendOutcome> {
    return this.lanes.run(request.conversationId, async () => {
      if (this.waiting.has(request.conversationId)) return this.queue(request, { dueAt: new Date() });
      const channel = this.deps.channels.get(request.channel);
      try {
        if (!channel) throw new ChannelSendError(`The ${request.channel} channel is not enabled on this server`);
        const receipt = await channel.send(request.address, request.message);
        return { status: 'sent', ...(receipt.platformMessageId ? { platformMessageId: receipt.platformMessageId } : {}) };
      } catch (error) {
        return this.firstFailure(request, error);
      }
    });
  }

  private async firstFailure(request: SendRequest, error: unknown): Promise<SendOutcome> {
    const lastError = describe(error);
    const context = { err: error, conversationId: request.conversationId, channel: request.channel, messageId: request.message.messageId };
    if (isPermanent(error) || this.deps.settings.maxAttempts <= 1) {
      await this.deps.outbox.enqueue({ ...request, status: 'failed', attempts: 1, lastError });
      this.deps.logger.warn(context, 'the platform refused a message; not retried (it stays in the transcript)');
      return { status: 'failed', error: lastError };
    }
    this.deps.logger.warn(context, 'sending a message failed; queued in the outbox for a retry');
    const outcome = await this.queue(request, { dueAt: new Date(Date.now() + this.retryDelay(1, error)), attempts: 1, lastError });
    this.waiting.add(request.conversationId);
    return outcome;
  }

  private async queue(request: SendRequest, extra: { dueAt: Date; attempts?: number; lastError?: string }): Promise<SendOutcome> {
    const entry = await this.deps.outbox.enqueue({ ...request, ...extra });
    this.wake(entry.dueAt);
    return { status: 'queued', entryId: entry._id };
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
      const entry = await this.deps.outbox.lease(this.workerId, new Date(), leaseMs);
      if (!entry) break;
      this.waiting.add(entry.conversationId);
      await this.attempt(entry);
    }
    if (!this.running) return;
    const next = await this.deps.outbox.nextDueAt();
    this.wake(next ?? new Date(Date.now() + this.deps.settings.pollMs));
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    const { outbox } = this.deps;
    const [head] = await outbox.pendingFor(entry.conversationId);
    if (head && head._id !== entry._id) {
      // An earlier message of this conversation is still pending: wait until it is due (or its holder's lease ends).
      const heldUntil = head.leasedBy && head.leaseUntil ? head.leaseUntil.getTime() : 0;
      await outbox.release(entry, this.workerId, new Date(Math.max(head.dueAt.getTime(), heldUntil, Date.now()) + 1));
      return;
    }
    try {
      const channel = this.deps.channels.get(entry.channel);
      if (!channel) throw new ChannelSendError(`The ${entry.channel} channel is not enabled on this server`);
      const receipt = await channel.send(entry.address, entry.message);
      await outbox.markSent(entry, this.workerId, receipt.platformMessageId);
    } catch (error) {
      await this.retryLater(entry, error);
    }
    await this.lanes.run(entry.conversationId, async () => {
      if ((await outbox.pendingFor(entry.conversationId)).length === 0) this.waiting.delete(entry.conversationId);
    });
  }

  private async retryLater(entry: OutboxEntry, error: unknown): Promise<void> {
    const lastError = describe(error);
    const context = { err: error, conversationId: entry.conversationId, channel: entry.channel, entryId: entry._id, attempts: entry.attempts };
    if (isPermanent(error)) {
      await this.deps.outbox.markRejected(entry, this.workerId, lastError);
      this.deps.logger.warn(context, 'the platform refused a queued message; not retried');
      return;
    }
    const { maxAttempts } = this.deps.settings;
    await this.deps.outbox.markFailed(entry, this.workerId, lastError, new Date(Date.now() + this.retryDelay(entry.attempts, error)), maxAttempts);
    if (entry.attempts >= maxAttempts) this.deps.logger.error(context, `a queued message failed ${maxAttempts} times; given up (it stays in the transcript)`);
    else this.deps.logger.warn(context, 'retrying a queued message failed; retrying later');
  }
}
