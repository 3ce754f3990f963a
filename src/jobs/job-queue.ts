import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { newId } from '../storage/new-id.js';
import { jobSchema, type Job } from './job.js';
import { completeLease, failLease, leaseNextDue } from './lease.js';

/** Durable scheduled jobs in the `jobs` collection; they survive restarts by construction. */
export class JobQueue {
  private readonly jobs;
  private readonly scheduled = new Set<(job: Job) => void>();

  constructor(store: DocumentStore) {
    this.jobs = store.collection<Job>('jobs');
  }

  /**
   * Schedules a job. With a `dedupeKey`, a second schedule while the first is pending
   * returns the existing job instead of adding another.
   */
  async schedule(input: { type: string; dueAt: Date; payload?: Record<string, unknown>; dedupeKey?: string }): Promise<Job> {
    const job = jobSchema.parse({ _id: newId('job'), status: 'pending', attempts: 0, createdAt: new Date(), ...input });
    try {
      const added = await this.jobs.insertOne(job);
      for (const listener of this.scheduled) listener(added);
      return added;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || !input.dedupeKey) throw error;
      const existing = await this.jobs.findOne({ dedupeKey: input.dedupeKey });
      if (!existing) throw error;
      return existing;
    }
  }

  /**
   * Calls `listener` with each job this process schedules from now on (not jobs other
   * processes add to a shared store); returns the function that stops it.
   */
  onScheduled(listener: (job: Job) => void): () => void {
    this.scheduled.add(listener);
    return () => this.scheduled.delete(listener);
  }

  /** Takes the next due job (of one of `types`, when given) for `worker` for `leaseMs`, or null when none is due. */
  lease(worker: string, now = new Date(), leaseMs = 60_000, types?: string[]): Promise<Job | null> {
    return leaseNextDue(this.jobs, { worker, now, leaseMs, ...(types ? { filter: { type: { $in: types } } } : {}) });
  }

  /** Marks a job done (with its outcome, if any); its dedupe key is released so the same kind of job can be scheduled again. */
  async complete(job: Job, worker: string, outcome?: string): Promise<boolean> {
    const done = await completeLease(this.jobs, job._id, worker, outcome ? { outcome } : {});
    if (done && job.dedupeKey) await this.jobs.updateOne({ _id: job._id }, { $unset: { dedupeKey: '' } });
    return done;
  }

  fail(job: Job, worker: string, error: string, retryAt: Date, maxAttempts = 5): Promise<boolean> {
    return failLease(this.jobs, job, worker, { error, retryAt, maxAttempts });
  }

  /** Cancels a pending job by its dedupe key (e.g. the customer wrote again before the survey). */
  async cancel(dedupeKey: string): Promise<boolean> {
    const result = await this.jobs.updateOne({ dedupeKey, status: 'pending' }, { $set: { status: 'done' }, $unset: { dedupeKey: '' } });
    return result.modifiedCount === 1;
  }

  get(id: string): Promise<Job | null> {
    return this.jobs.findOne({ _id: id });
  }
}
