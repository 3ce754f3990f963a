import type { Logger } from 'pino';
import type { Job } from './job.js';
import type { JobQueue } from './job-queue.js';
import { backoffDelay } from './lease.js';

/**
 * Does one job; `now` is the runner's clock. Returning a string records it on the job as its
 * outcome (e.g. why a survey was not sent). Throwing retries the job with backoff.
 */
export type JobHandler = (job: Job, now: Date) => Promise<string | void>;

export interface JobRunnerOptions {
  logger: Logger;
  /** How often to look for due jobs while started. */
  pollMs?: number;
  /** This process's name on leases (several processes may share one store). */
  worker?: string;
  maxAttempts?: number;
}

/**
 * Runs due jobs from the durable queue with the handler registered for their type. A job is
 * leased before it runs, so two processes never run it at once, and a job whose process
 * died is run again once its lease runs out: scheduled work survives restarts.
 * `start()`/`stop()` belong to the composition root; tests call `runDue()` directly.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  /** One-shot timers for jobs this process scheduled to fall due before the next poll. */
  private readonly wakeUps = new Set<NodeJS.Timeout>();
  private stopListening: (() => void) | null = null;
  private running: Promise<number> | null = null;
  private readonly worker: string;

  constructor(
    private readonly queue: JobQueue,
    private readonly options: JobRunnerOptions,
  ) {
    this.worker = options.worker ?? `worker-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Registers the handler of a job type (one per type). */
  register(type: string, handler: JobHandler): this {
    if (this.handlers.has(type)) throw new Error(`A handler for job type "${type}" is already registered`);
    this.handlers.set(type, handler);
    return this;
  }

  /**
   * Polls for due jobs every `pollMs` until `stop()`. A job this process schedules to fall
   * due before the next poll is run when it falls due (a survey due at once goes out at once);
   * the poll finds those other processes add and those left from before a restart.
   */
  start(): void {
    if (this.timer) return;
    const pollMs = this.options.pollMs ?? 1000;
    this.timer = setInterval(() => {
      if (!this.running) void this.runDue();
    }, pollMs);
    this.timer.unref();
    // A timer may fire a little before the wall clock reaches the due time (timers run on
    // the monotonic clock): then the job is not due yet for the queue, and the timer is set again.
    const wakeAt = (dueAt: number) => {
      const wakeUp = setTimeout(() => {
        this.wakeUps.delete(wakeUp);
        if (Date.now() < dueAt) wakeAt(dueAt);
        else void this.runDue();
      }, Math.max(0, dueAt - Date.now()));
      wakeUp.unref();
      this.wakeUps.add(wakeUp);
    };
    this.stopListening = this.queue.onScheduled((job) => {
      if (job.dueAt.getTime() - Date.now() < pollMs) wakeAt(job.dueAt.getTime());
    });
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopListening?.();
    this.stopListening = null;
    for (const wakeUp of this.wakeUps) clearTimeout(wakeUp);
    this.wakeUps.clear();
    await this.running;
  }

  /** Runs every job due at `now` (one at a time, after any pass in progress); returns how many ran. */
  runDue(now?: Date): Promise<number> {
    const pass = (this.running ?? Promise.resolve(0)).then(() => this.drain(now));
    this.running = pass;
    void pass.finally(() => {
      if (this.running === pass) this.running = null;
    });
    return pass;
  }

  private async drain(now?: Date): Promise<number> {
    let count = 0;
    try {
      for (;;) {
        const at = now ?? new Date();
        const job = await this.queue.lease(this.worker, at, 5 * 60_000, [...this.handlers.keys()]);
        if (!job) return count;
        count++;
        await this.runOne(job, at);
      }
    } catch (error) {
      // The store itself failed (e.g. closed while shutting down); the next pass tries again.
      this.options.logger.error({ err: error }, 'could not read the job queue');
      return count;
    }
  }

  private async runOne(job: Job, now: Date): Promise<void> {
    const handler = this.handlers.get(job.type)!;
    try {
      const outcome = await handler(job, now);
      await this.queue.complete(job, this.worker, outcome ?? undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger.error({ err: error, jobId: job._id, type: job.type, attempts: job.attempts }, 'a scheduled job failed; it will be retried');
      await this.queue.fail(job, this.worker, message, new Date(now.getTime() + backoffDelay(job.attempts)), this.options.maxAttempts ?? 5);
    }
  }
}
