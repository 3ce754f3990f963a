import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** Requests a server is still answering, for a shutdown that lets them finish. */
export interface InFlightRequests {
  /** Resolves once no request is being answered, event streams aside. */
  drained(): Promise<void>;
}

/** An agent console's live updates: a response that never ends by itself, so shutdown does not wait for it. */
function isEventStream(req: IncomingMessage, res: ServerResponse): boolean {
  return Boolean(req.headers.accept?.includes('text/event-stream')) || String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
}

/** Counts the requests `server` is answering; attach before it listens. */
export function trackRequests(server: Server): InFlightRequests {
  const open = new Map<ServerResponse, IncomingMessage>();
  let waiting: (() => void)[] = [];
  const busy = () => [...open].some(([res, req]) => !isEventStream(req, res));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    open.set(res, req);
    res.once('close', () => {
      open.delete(res);
      if (busy()) return;
      for (const resolve of waiting) resolve();
      waiting = [];
    });
  });
  return { drained: () => (busy() ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()) };
}

/** What a graceful stop does, step by step. */
export interface ShutdownSteps {
  /** Stops taking work that does not come as an HTTP request (web chat sockets, Telegram polling). */
  stopIntake(): Promise<void>;
  server: Server;
  requests: InFlightRequests;
  /** Resolves when no conversation turn is queued or running (`engine.idle()`). */
  turnsDone(): Promise<void>;
  /** Stops the outbox worker and the scheduled jobs (each finishes what it is doing). */
  stopWorkers(): Promise<void>;
  closeStore(): Promise<void>;
}

export interface ShutdownBudget {
  /** The whole stop, the store's close included. */
  totalMs: number;
  /** The longest requests in flight are waited for before their connections are cut. */
  requestsMs: number;
  /** Kept back for closing the store, however long the steps before it took. */
  storeMs: number;
}

/** Docker's default stop timeout is 10 s; `docker-compose.yml` gives 15 s. */
export const defaultShutdownBudget: ShutdownBudget = { totalMs: 10_000, requestsMs: 5_000, storeMs: 1_000 };

/**
 * Stops Careline in order: stop taking new work (sockets, Telegram polling, new HTTP
 * connections), let the requests in flight finish, wait for the engine's turns in flight
 * (their replies reach the outbox), stop the outbox worker and the jobs, then close the
 * store. Each wait is bounded by the budget: a step that does not finish in time is logged
 * and the next one runs, so the store is always closed. Resolves true when every step
 * finished in time; never rejects.
 */
export async function shutDown(steps: ShutdownSteps, logger: Logger, budget: ShutdownBudget = defaultShutdownBudget): Promise<boolean> {
  const deadline = Date.now() + budget.totalMs;
  const beforeStore = () => Math.max(0, deadline - budget.storeMs - Date.now());
  const within = async (what: string, ms: number, work: () => Promise<void>): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    });
    try {
      if ((await Promise.race([work().then(() => 'done' as const), late])) === 'done') return true;
      logger.error({ step: what, waitedMs: ms }, `shutdown: ${what} did not finish in time; going on`);
      return false;
    } catch (error) {
      logger.error({ err: error, step: what }, `shutdown: ${what} failed; going on`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
  const results = [await within('stopping the sockets and polling', beforeStore(), () => steps.stopIntake())];
  steps.server.close();
  steps.server.closeIdleConnections();
  results.push(await within('the requests in flight', Math.min(budget.requestsMs, beforeStore()), () => steps.requests.drained()));
  steps.server.closeAllConnections();
  results.push(await within('the turns in flight', beforeStore(), () => steps.turnsDone()));
  results.push(await within('stopping the outbox and jobs', beforeStore(), () => steps.stopWorkers()));
  results.push(await within('closing the store', Math.max(budget.storeMs, deadline - Date.now()), () => steps.closeStore()));
  return results.every(Boolean);
}
