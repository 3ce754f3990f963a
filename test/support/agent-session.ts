import { addUser } from '../../src/accounts/user-admin.js';
import type { Role } from '../../src/accounts/user.js';
import type { TestApp } from './test-app.js';

/** A logged-in user of the test app: fetch with its cookie and CSRF token. */
export interface AgentSession {
  id: string;
  cookie: string;
  csrfToken: string;
  get: (path: string) => Promise<Response>;
  post: (path: string, body?: unknown) => Promise<Response>;
}

export async function loginAs(app: TestApp, email: string, roles: Role[], name = email.split('@')[0]!): Promise<AgentSession> {
  const password = 'correct horse battery';
  const { user } = await addUser(app.services.users, { email, name, roles, password });
  const response = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    id: user._id,
    cookie,
    csrfToken,
    get: (path) => fetch(`${app.url}${path}`, { headers: { cookie } }),
    post: (path, body = {}) => fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
