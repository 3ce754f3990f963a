import type { Request, RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../core/app-error.js';
import type { Session, SessionRepository } from './session-repository.js';
import type { Role, User } from './user.js';
import type { UserRepository } from './user-repository.js';

export const sessionCookie = 'careline_session';

/** Who is logged in on this request. */
export interface Auth {
  user: User;
  session: Session;
  token: string;
}

/** The request's login, set by `authenticate`. */
export function authOf(res: Response): Auth | undefined {
  return res.locals.auth as Auth | undefined;
}

/** The signed-in user, for handlers behind `requireRole`. */
export function userOf(res: Response): User {
  const auth = authOf(res);
  if (!auth) throw new UnauthorizedError();
  return auth.user;
}

// Read as sent, not percent-decoded: a session token is only letters, digits, `_` and `-`,
// so anything with an escape is not one (and a malformed escape cannot throw).
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Finds the session of the request's cookie, if any, and remembers it for `requireRole`. */
export function authenticate(deps: { sessions: SessionRepository; users: UserRepository }): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req.headers.cookie, sessionCookie);
    if (token && /^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      const session = await deps.sessions.find(token);
      const user = session ? await deps.users.get(session.userId) : null;
      if (session && user && !user.disabled) res.locals.auth = { user, session, token } satisfies Auth;
    }
    next();
  };
}

/** Whether the user holds the role; admins hold every role. */
export function hasRole(user: User, role: Role): boolean {
  return user.roles.includes(role) || user.roles.includes('admin');
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses (403) a request that changes something for a session without that session's
 * CSRF token in `x-csrf-token`. `requireRole` checks it; routes any logged-in user may call
 * (logout) call it themselves.
 */
export function checkCsrf(req: Request, auth: Auth): void {
  if (!safeMethods.has(req.method) && req.headers['x-csrf-token'] !== auth.session.csrfToken) throw new ForbiddenError('Missing or wrong x-csrf-token header.');
}

/**
 * Lets the request through only for a logged-in user with one of `roles` (401 without a
 * session, 403 with the wrong role). Requests that change something must also carry the
 * session's CSRF token in `x-csrf-token`.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const auth = authOf(res);
    if (!auth) throw new UnauthorizedError();
    if (!roles.some((role) => hasRole(auth.user, role))) throw new ForbiddenError(`This needs the role ${roles.join(' or ')}.`);
    checkCsrf(req, auth);
    next();
  };
}
