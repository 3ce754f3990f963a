import { z } from 'zod';
import type { DocumentCollection, Filter, StoredDocument } from '../storage/document-store.js';

/** The fields of a leasable work item, to spread into its zod schema. */
export const leaseFields = {
  status: z.enum(['pending', 'done', 'failed']),
  dueAt: z.date(),
  attempts: z.number().int().min(0),
  leaseUntil: z.date().nullable().optional(),
  leasedBy: z.string().nullable().optional(),
  lastError: z.string().optional(),
};

/** Fields every leasable work item carries (scheduled jobs, outbox entries). */
export interface Leasable extends StoredDocument {
  status: 'pending' | 'done' | 'failed';
  dueAt: Date;
  attempts: number;
  leaseUntil?: Date | null;
  leasedBy?: string | null;
}

/**
 * Takes the earliest due item that nobody holds (or whose holder's lease ran out), marks it
 * held by `worker` until `now + leaseMs`, and returns it. Atomic: two workers never get the
 * same item while its lease lasts; a crashed worker's item is taken again after it expires.
 */
export async function leaseNextDue<T extends Leasable>(
  collection: DocumentCollection<T>,
  { worker, now, leaseMs, filter = {} }: { worker: string; now: Date; leaseMs: number; filter?: Filter },
): Promise<T | null> {
  return collection.findOneAndUpdate(
    { ...filter, status: 'pending', dueAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
    { $set: { leaseUntil: new Date(now.getTime() + leaseMs), leasedBy: worker }, $inc: { attempts: 1 } },
    { sort: { dueAt: 1 }, returnDocument: 'after' },
  );
}

/** Marks a leased item done, only if `worker` still holds it; returns whether it did. */
export async function completeLease<T extends Leasable>(collection: DocumentCollection<T>, id: string, worker: string, extra: Record<string, unknown> = {}): Promise<boolean> {
  const result = await collection.updateOne({ _id: id, leasedBy: worker, status: 'pending' }, { $set: { ...extra, status: 'done', leaseUntil: null } });
  return result.matchedCount === 1;
}

/**
 * Releases a leased item after a failed attempt: due again after `retryAt`, or `failed`
 * for good once `attempts` reached `maxAttempts`.
 */
export async function failLease<T extends Leasable>(
  collection: DocumentCollection<T>,
  item: T,
  worker: string,
  { error, retryAt, maxAttempts }: { error: string; retryAt: Date; maxAttempts: number },
): Promise<boolean> {
  const giveUp = item.attempts >= maxAttempts;
  const result = await collection.updateOne(
    { _id: item._id, leasedBy: worker, status: 'pending' },
    { $set: { status: giveUp ? 'failed' : 'pending', dueAt: retryAt, lastError: error.slice(0, 2000), leaseUntil: null, leasedBy: null } },
  );
  return result.matchedCount === 1;
}

/** Exponential backoff with a ceiling: 2 s, 4 s, 8 s … up to `maxMs`. */
export function backoffDelay(attempts: number, baseMs = 2000, maxMs = 15 * 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
