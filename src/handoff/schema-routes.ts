import { Router } from 'express';
import { requireRole } from '../accounts/auth.js';
import { staffJsonSchemas } from './console-documents.js';

/**
 * `GET /api/schemas` (any staff role): the JSON Schemas of the documents the staff pages
 * receive (`conversation`, `ticket`, `message`, `customer`, `previousConversation`, `user`,
 * `agent`), made once at start; browsers keep them 5 minutes, like the pages' own files.
 */
export function schemaRoutes(): Router {
  const router = Router();
  const schemas = staffJsonSchemas();
  router.get('/', requireRole('agent', 'editor', 'admin'), (_req, res) => {
    res.setHeader('cache-control', 'private, max-age=300');
    res.json(schemas);
  });
  return router;
}
