import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { shutDown, trackRequests, type ShutdownSteps } from '../../src/app/shutdown.js';

/** A server with a slow route (answered when `finish` is called; `onAnswered` hears when) and an event stream that never ends. */
async function startServer(onAnswered: () => void = () => {}) {
  let finish = () => {};
  let arrived = () => {};
  const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
  const server: Server = createServer((req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': connected\n\n');
      return;
    }
    res.on('close', onAnswered);
    finish = () => res.end('done');
    arrived();
  });
  const requests = trackRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  /** Resolves with the whole body, or for the event stream with its first chunk. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk;
          if (path === '/events') resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { server, requests, get, slowArrived, finish: () => finish() };
}

describe('shutDown', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.closeAllConnections()));
  const logger = pino({ level: 'silent' });

  it('stops taking work, lets the request in flight finish (not the event stream), waits for the turns, stops the workers, then closes the store', async () => {
    const done: string[] = [];
    const { server, requests, get, slowArrived, finish } = await startServer(() => done.push('request answered'));
    servers.push(server);
    await get('/events', { accept: 'text/event-stream' });
    const slow = get('/slow');
    await slowArrived;
    const steps: ShutdownSteps = {
      stopIntake: async () => {
        done.push('intake');
        // The request in flight is answered while the shutdown waits for it.
        setImmediate(finish);
      },
      server,
      requests,
      turnsDone: async () => void done.push('turns'),
      stopWorkers: async () => void done.push('workers'),
      closeStore: async () => void done.push('store'),
    };
    expect(await shutDown(steps, logger)).toBe(true);
    expect(done).toEqual(['intake', 'request answered', 'turns', 'workers', 'store']);
    expect(await slow).toEqual({ status: 200, body: 'done' });
  });

  it('still stops the workers and closes the store when a turn never finishes, and says it was not clean', async () => {
    const { server, requests } = await startServer();
    servers.push(server);
    const done: string[] = [];
    const steps: ShutdownSteps = {
      stopIntake: async () => undefined,
      server,
      requests,
      turnsDone: () => new Promise<void>(() => {}),
      stopWorkers: async () => void done.push('workers'),
      closeStore: async () => void done.push('store'),
    };
    expect(await shutDown(steps, logger, { totalMs: 300, requestsMs: 100, storeMs: 100 })).toBe(false);
    expect(done).toEqual(['workers', 'store']);
  });

  it('closes the store even when stopping the workers fails', async () => {
    const { server, requests } = await startServer();
    servers.push(server);
    let closed = false;
    const steps: ShutdownSteps = {
      stopIntake: async () => undefined,
      server,
      requests,
      turnsDone: async () => undefined,
      stopWorkers: () => Promise.reject(new Error('outbox lease lost')),
      closeStore: async () => void (closed = true),
    };
    expect(await shutDown(steps, logger)).toBe(false);
    expect(closed).toBe(true);
  });
});
