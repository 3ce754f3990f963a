import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mongo } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/http/error-handler.js';
import { storeErrorOf } from '../../src/storage/mongo/mongo-store-error.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { postJson } from '../support/post-json.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

/** GET with the path exactly as given (fetch would re-encode it). */
function getRaw(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the error boundary', () => {
  let app: TestApp;
  let admin: AgentSession;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'boundary-admin@example.com', ['admin']);
  });
  afterAll(async () => {
    await app.close();
  });
  const unhandled = () => app.logs.filter((line) => line.includes('unhandled error'));

  describe('when a path has a percent escape that does not decode', () => {
    for (const path of ['/api/tickets/%E0%A4%A', '/api/customers/%zz', '/api/agent/conversations/%', '/help/%C0%AF', '/api/editor/articles/warranty-period/vi%FF/revisions/1']) {
      it(`answers ${path} with 400 malformed_uri`, async () => {
        const response = await getRaw(app.url, path, { cookie: admin.cookie });
        expect(response.status).toBe(400);
        expect(response.type).toMatch(/^application\/json/);
        expect((JSON.parse(response.body) as ErrorBody).error).toMatchObject({ code: 'malformed_uri', message: expect.stringContaining('malformed percent escape') });
      });
    }
  });

  describe('when the session cookie has a malformed escape', () => {
    it('reads it as no session: 401 on staff routes, the public ones still serve', async () => {
      const staff = await getRaw(app.url, '/api/agent/queue', { cookie: 'careline_session=%E0%A4%A' });
      expect(staff.status).toBe(401);
      expect((JSON.parse(staff.body) as ErrorBody).error.code).toBe('unauthorized');
      expect((await getRaw(app.url, '/api/auth/me', { cookie: 'careline_session=%zz' })).status).toBe(401);
      expect((await getRaw(app.url, '/help/warranty-period', { cookie: 'careline_session=%' })).status).toBe(200);
    });
  });

  describe('when a JSON body nests too deeply', () => {
    it('answers 400 json_too_deep before any route reads it', async () => {
      const response = await postJson(`${app.url}/api/chat`, `{"sender":"u","text":"hi","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, restApiAuth);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error).toMatchObject({ code: 'json_too_deep', message: expect.stringContaining('deeper than 64') });
    });

    it('lets 64 levels through, and brackets inside strings do not count', async () => {
      const nested = `${'['.repeat(63)}1${']'.repeat(63)}`;
      const response = await postJson(`${app.url}/api/chat`, `{"sender":"u","text":"${'['.repeat(200)}","x":${nested}}`, restApiAuth);
      // It reaches the route's validation (x is not a field), not the depth check.
      expect(((await response.json()) as ErrorBody).error.code).toBe('invalid_request');
    });
  });

  describe('when a static file cannot be served as asked', () => {
    it('answers an unsatisfiable range with 416 as JSON, not as the file type', async () => {
      const response = await getRaw(app.url, '/console/index.html', { range: 'bytes=999999999-' });
      expect(response.status).toBe(416);
      expect(response.type).toMatch(/^application\/json/);
      expect((JSON.parse(response.body) as ErrorBody).error.message).toBe('Range Not Satisfiable');
    });
  });

  it('has logged no unhandled error for any of it', () => {
    expect(unhandled()).toEqual([]);
  });
});

/** Listens with `routes` and the error handler on a free port; returns the base URL, the log lines and a closer. */
async function serveWithErrorHandler(routes: express.Express) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const server = createServer(routes.use(errorHandler(logger)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('errorHandler', () => {
  describe('when the store does not answer in time', () => {
    it('answers 503 database_unavailable with Retry-After, naming no host, and logs the cause', async () => {
      const { base, lines, close } = await serveWithErrorHandler(
        express().get('/tickets', () => {
          throw storeErrorOf('tickets', new mongo.MongoNetworkTimeoutError('connection 3 to 10.0.4.7:27017 timed out'));
        }),
      );
      try {
        const response = await fetch(`${base}/tickets`);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const text = await response.text();
        expect(text).not.toContain('10.0.4.7');
        expect((JSON.parse(text) as ErrorBody).error).toMatchObject({ code: 'database_unavailable', message: expect.stringContaining('try again') });
        expect(lines.filter((line) => line.includes('database_unavailable') && line.includes('10.0.4.7'))).toHaveLength(1);
      } finally {
        await close();
      }
    });
  });

  describe('when a route fails in a way no one expected', () => {
    it('answers 500 without internals, logs it once, and the server keeps serving', async () => {
      const { base, lines, close } = await serveWithErrorHandler(
        express()
          .get('/boom', () => {
            throw new Error('secret internals');
          })
          .get('/later', async () => {
            await Promise.resolve();
            throw new TypeError('also secret');
          })
          .get('/ok', (_req, res) => void res.json({ ok: true })),
      );
      try {
        for (const path of ['/boom', '/later']) {
          const response = await fetch(`${base}${path}`);
          expect(response.status).toBe(500);
          const text = await response.text();
          expect(text).not.toMatch(/secret/);
          expect((JSON.parse(text) as ErrorBody).error).toMatchObject({ code: 'internal', message: 'Something went wrong on our side.' });
        }
        expect(lines.filter((line) => line.includes('unhandled error'))).toHaveLength(2);
        expect((await fetch(`${base}/ok`)).status).toBe(200);
      } finally {
        await close();
      }
    });
  });
});
