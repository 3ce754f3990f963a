import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authRoutes } from '../../src/accounts/auth-routes.js';
import { LoginThrottle } from '../../src/accounts/login-throttle.js';
import { hashPassword } from '../../src/accounts/password.js';
import { PasswordCheck } from '../../src/accounts/password-check.js';
import { SessionRepository } from '../../src/accounts/session-repository.js';
import { UserRepository } from '../../src/accounts/user-repository.js';
import { errorHandler } from '../../src/http/error-handler.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { logInWithPassword } from '../support/agent-session.js';
import { postJson } from '../support/post-json.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser } from '../support/test-user.js';

const login = (app: { url: string }, email: string, password: string, headers: Record<string, string> = {}) => postJson(`${app.url}/api/auth/login`, { email, password }, headers);

describe('the login routes', () => {
  describe('with the whole app', () => {
    let app: TestApp;
    beforeEach(async () => {
      app = await startTestApp();
    });
    afterEach(async () => {
      await app.close();
    });

    it('checks at most 5 of 40 concurrent wrong passwords for one e-mail; the rest get 429 with Retry-After', async () => {
      await addTestUser(app.services.users, { email: 'lan@anphat.example', roles: ['agent'] });
      const answers = await Promise.all(Array.from({ length: 40 }, () => login(app, 'lan@anphat.example', 'wrong password')));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(35);
      const refused = answers.find((answer) => answer.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: 'too_many_requests' } });
    });

    it('throttles one connection spraying e-mails behind a rotating X-Forwarded-For (no proxy is trusted by default)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await login(app, `sprayed-${i}@anphat.example`, 'wrong password', { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    });

    it('refuses a logout without the CSRF token and keeps the session', async () => {
      const agent = await logInWithPassword(app, 'lan@anphat.example', ['agent']);
      const forged = await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie: agent.cookie } });
      expect(forged.status).toBe(403);
      expect((await agent.get('/api/auth/me')).status).toBe(200);
      expect((await agent.post('/api/auth/logout')).status).toBe(204);
      expect((await agent.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('with TRUST_PROXY=loopback', () => {
    it('counts the address the proxy names, not the proxy', async () => {
      const app = await startTestApp({ TRUST_PROXY: 'loopback' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await login(app, `user-${i}@anphat.example`, 'wrong password', { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
        expect(statuses).toEqual(Array(8).fill(401));
        const sameClient: number[] = [];
        for (let i = 0; i < 6; i++) sameClient.push((await login(app, `other-${i}@anphat.example`, 'wrong password', { 'x-forwarded-for': '198.51.100.7' })).status);
        expect(sameClient).toEqual([401, 401, 401, 401, 401, 429]);
      } finally {
        await app.close();
      }
    });
  });

  describe('for an e-mail without an account', () => {
    const dir = tempDir('careline-auth-');
    const store = new EmbeddedDocumentStore(dir.path);
    const hashes: string[] = [];
    const passwords = new PasswordCheck(async (_password, hash) => {
      hashes.push(hash);
      return false;
    });
    let server: Server;
    let url: string;
    beforeAll(async () => {
      await store.init();
      const users = new UserRepository(store);
      // Stored as `careline user add` stores it, with the product's scrypt parameters (a test user's hash is cheaper).
      await users.create({ email: 'lan@anphat.example', displayName: 'Lan', roles: ['agent'], passwordHash: await hashPassword('correct horse battery') });
      const app = express();
      app.use(express.json());
      app.use('/api/auth', authRoutes({ users, sessions: new SessionRepository(store), throttle: new LoginThrottle(), config: {}, passwords }));
      app.use(errorHandler(pino({ level: 'silent' })));
      server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      dir.remove();
    });

    it('runs the same password check as for a known one, and answers the same 401', async () => {
      const known = await login({ url }, 'lan@anphat.example', 'wrong password');
      const unknown = await login({ url }, 'nobody@anphat.example', 'wrong password');
      expect([known.status, unknown.status]).toEqual([401, 401]);
      expect((await unknown.json()) as unknown).toMatchObject({ error: { message: 'Wrong e-mail or password.' } });
      expect(hashes).toHaveLength(2);
      expect(hashes[1]!.split('$').slice(0, 4)).toEqual(hashes[0]!.split('$').slice(0, 4));
    });
  });
});
