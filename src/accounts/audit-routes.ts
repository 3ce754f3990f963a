import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import { requireRole } from './auth.js';
import { auditActionSchema, type AuditLog } from './audit-log.js';

const auditQuery = z.object({ action: auditActionSchema.optional(), target: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** `GET /api/audit?action=&target=&limit=` (admins): the audit log, newest first. */
export function auditRoutes(audit: AuditLog): Router {
  const router = Router();
  router.use(requireRole('admin'));
  router.get('/', async (req, res) => {
    const query = validate(auditQuery, req.query, 'query');
    res.json({ entries: await audit.list(query) });
  });
  return router;
}
