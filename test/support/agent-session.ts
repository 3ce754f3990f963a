import type { Role } from '../../src/accounts/user.js';
import { afterEach, beforeEach } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';
import { addTestUser, testPassword } from './test-user.js';

/** A logged-in user of the test app: fetch with its cookie and CSRF token. */
export interface AgentSession {
  id: string;
  cookie: string;
  csrfToken: string;
  get: (path: string) => Promise<Response>;
  post: (path: string, body?: unknown) => Promise<Response>;
  patch: (path: string, body: unknown) => Promise<Response>;
}

export async function loginAs(app: TestApp, email: string, roles: Role[], name = email.split('@')[0]!): Promise<AgentSession> {
  const user = await addTestUser(app.services.users, { email, name, roles });
  const response = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: testPassword }) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    id: user._id,
    cookie,
    csrfToken,
    get: (path) => fetch(`${app.url}${path}`, { headers: { cookie } }),
    post: (path, body = {}) => fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    patch: (path, body) => fetch(`${app.url}${path}`, { method: 'PATCH', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}

/**
 * Before each test of the enclosing suite: the app open around the clock (so handoffs find
 * agents at work) with agent Lan logged in; closed after each test. Read `world.app` and
 * `world.agent` inside the tests.
 */
export function agentAppPerTest(): { readonly app: TestApp; readonly agent: AgentSession } {
  const world = {} as { app: TestApp; agent: AgentSession };
  beforeEach(async () => {
    world.app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    world.agent = await loginAs(world.app, 'lan@anphat.example', ['agent'], 'Lan');
  });
  afterEach(() => world.app.close());
  return world;
}
