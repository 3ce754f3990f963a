import { Router } from 'express';
import type { DocumentStore } from '../storage/document-store.js';

/**
 * `GET /healthz`: the process is up. `GET /readyz`: the store answers too (503 when not),
 * for load balancers and the Docker healthcheck.
 */
export function healthRoutes(store: DocumentStore, startedAt: Date): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000) });
  });
  router.get('/readyz', async (req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready', store: store.kind });
    } catch (error) {
      req.log.warn({ err: error }, 'store not reachable');
      res.status(503).json({ status: 'unavailable', store: store.kind, message: 'The database does not answer.' });
    }
  });
  return router;
}
