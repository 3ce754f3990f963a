import { Router } from 'express';
import { requireRole } from '../accounts/auth.js';
import type { z } from 'zod';
import { staffJsonSchemas } from './console-documents.js';

/**
 * `GET /api/schemas` (any staff role): the JSON Schemas of the documents the staff pages
 * receive, `documents` by name (the console's `staffDocumentSchemas`, the editor's
 * `editorDocumentSchemas`), made once at start; browsers keep them 5 minutes, like the
 * pages' own files.
 */
export function schemaRoutes(documents: Record<string, z.ZodType>): Router {
  const router = Router();
  const schemas = staffJsonSchemas(documents);
  router.get('/', requireRole('agent', 'editor', 'admin'), (_req, res) => {
    res.setHeader('cache-control', 'private, max-age=300');
    res.json(schemas);
  });
  return router;
}
