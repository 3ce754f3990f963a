import { sessionCookie } from '../../src/accounts/auth.js';
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

function sessionOf(app: TestApp, id: string, cookie: string, csrfToken: string): AgentSession {
  return {
    id,
    cookie,
    csrfToken,
    get: (path) => fetch(`${app.url}${path}`, { headers: { cookie } }),
    post: (path, body = {}) => fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    patch: (path, body) => fetch(`${app.url}${path}`, { method: 'PATCH', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}

/**
 * Signs a user of the test app in as the login route does: a user with `testPassword` and a
 * session of the app's own session store, whose cookie and CSRF token the requests carry.
 * The login route itself (the password check, its throttling, the cookie it sets) is tested
 * through HTTP (`logInWithPassword`, test/accounts, the browser tests); here the ~0.2 s of
 * CPU its memory-hard password check costs is not paid again by every test that needs
 * someone signed in.
 */
export async function loginAs(app: TestApp, email: string, roles: Role[], name = email.split('@')[0]!): Promise<AgentSession> {
  const user = await addTestUser(app.services.users, { email, name, roles });
  const { token, session } = await app.careline.sessions.start(user._id);
  return sessionOf(app, user._id, `${sessionCookie}=${token}`, session.csrfToken);
}

/** Adds a user with `testPassword` and logs in through `POST /api/auth/login`, taking the cookie and CSRF token it answers with. */
export async function logInWithPassword(app: TestApp, email: string, roles: Role[], name = email.split('@')[0]!): Promise<AgentSession> {
  const user = await addTestUser(app.services.users, { email, name, roles });
  const response = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: testPassword }) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return sessionOf(app, user._id, cookie, csrfToken);
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
