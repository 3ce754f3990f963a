import { z } from 'zod';
import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';

/** What the audit log records: who did what to whom, and when. */
export const auditActionSchema = z.enum(['login', 'login_failed', 'user_added', 'staff_language', 'customer_updated', 'customer_merged', 'customer_exported', 'customer_erased']);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  _id: z.string(),
  at: z.date(),
  /** The staff user who acted (their id), or `cli` for a command run on the server. */
  actor: z.string(),
  action: auditActionSchema,
  /** What it was done to: a customer's or user's id, or the e-mail of a failed login. */
  target: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The audit log (`audit_log`): append-only, readable by admins. */
export class AuditLog {
  private readonly entries;

  constructor(store: DocumentStore) {
    this.entries = store.collection<AuditEntry>('audit_log');
  }

  async record(entry: Omit<AuditEntry, '_id' | 'at'>, at = new Date()): Promise<AuditEntry> {
    return this.entries.insertOne(auditEntrySchema.parse({ _id: newId('aud'), at, ...entry }));
  }

  /** The newest entries first, optionally of one action or about one target; `offset` skips that many (paging). */
  list(filter: { action?: AuditAction; target?: string; limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
    return this.entries.find({ ...(filter.action ? { action: filter.action } : {}), ...(filter.target ? { target: filter.target } : {}) }, { sort: { at: -1, _id: -1 }, limit: filter.limit ?? 200, ...(filter.offset ? { skip: filter.offset } : {}) });
  }
}
