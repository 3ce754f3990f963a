import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import { requireRole } from './auth.js';
import { auditActionSchema, type AuditEntry, type AuditLog } from './audit-log.js';

const auditQuery = z.object({
  action: auditActionSchema.optional(),
  target: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** How an entry's actor and target read to a person: a staff user's or customer's name, when there is one. */
export interface AuditNames {
  userName(id: string): Promise<string | undefined>;
  customerName(id: string): Promise<string | undefined>;
}

/**
 * `GET /api/audit?action=&target=&limit=&offset=` (admins): the audit log, newest first, a
 * page at a time (`hasMore` when older entries follow), each entry with `actorName` and
 * `targetName` where the actor or target has a name (an erased customer has none).
 */
export function auditRoutes(audit: AuditLog, names: AuditNames): Router {
  const router = Router();
  router.use(requireRole('admin'));
  router.get('/', async (req, res) => {
    const query = validate(auditQuery, req.query, 'query');
    const page = await audit.list({ ...query, limit: query.limit + 1 });
    const entries = await Promise.all(page.slice(0, query.limit).map((entry) => named(entry, names)));
    res.json({ entries, offset: query.offset, limit: query.limit, hasMore: page.length > query.limit });
  });
  return router;
}

async function named(entry: AuditEntry, names: AuditNames) {
  const actorName = await names.userName(entry.actor);
  const target = entry.target;
  const targetName = target && ((await names.userName(target)) ?? (await names.customerName(target)));
  return { ...entry, ...(actorName ? { actorName } : {}), ...(targetName ? { targetName } : {}) };
}
