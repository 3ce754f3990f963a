import { Router } from 'express';
import type { DocumentStore } from '../storage/document-store.js';

/** How long `/readyz` waits for the store's ping: a load balancer's probe gets an answer in about a second either way. */
const readinessTimeoutMs = 1000;

/** Resolves 'ready' when the store answers its ping in time, 'timeout' when it does not; rejects when the ping fails. */
function pingWithin(store: DocumentStore, ms: number): Promise<'ready' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([store.ping().then(() => 'ready' as const), late]).finally(() => clearTimeout(timer));
}

/**
 * `GET /healthz`: the process is up (never touches the store). `GET /readyz`: the store
 * answers too, for load balancers and the Docker healthcheck; 503 `store_unavailable` when
 * its ping fails or has not answered within a second (a frozen MongoDB does not hold the probe).
 */
export function healthRoutes(store: DocumentStore, startedAt: Date): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000) });
  });
  router.get('/readyz', async (req, res) => {
    const unavailable = (message: string) => res.status(503).json({ status: 'unavailable', store: store.kind, error: { code: 'store_unavailable', message } });
    try {
      if ((await pingWithin(store, readinessTimeoutMs)) === 'ready') {
        res.json({ status: 'ready', store: store.kind });
        return;
      }
      req.log.warn({ timeoutMs: readinessTimeoutMs }, 'store did not answer the readiness ping in time');
      unavailable(`The database did not answer within ${readinessTimeoutMs} ms.`);
    } catch (error) {
      req.log.warn({ err: error }, 'store not reachable');
      unavailable('The database does not answer.');
    }
  });
  return router;
}
