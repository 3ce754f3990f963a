import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import { TooManyRequestsError, UnauthorizedError } from '../core/app-error.js';
import { addressKey } from '../http/client-address.js';
import { validate } from '../http/validate.js';
import { authOf, checkCsrf, sessionCookie } from './auth.js';
import type { LoginThrottle } from './login-throttle.js';
import { PasswordCheck } from './password-check.js';
import type { SessionRepository } from './session-repository.js';
import type { PublicUser, User } from './user.js';
import type { AuditLog } from './audit-log.js';
import type { UserRepository } from './user-repository.js';

const loginSchema = z.strictObject({ email: z.email().max(200), password: z.string().min(1).max(200) });

const meBody = z.strictObject({ staffLocale: z.enum(['vi', 'en', 'cs', 'zh']) });

/** A user as the browser may see it (never the hash). */
export function publicUser(user: User): PublicUser {
  return { id: user._id, email: user.email, displayName: user.displayName, roles: user.roles, ...(user.staffLocale ? { staffLocale: user.staffLocale } : {}) };
}

/**
 * `POST /api/auth/login` (throttled per e-mail and client address) sets an HttpOnly,
 * SameSite=Strict session cookie and returns the user and the CSRF token; `GET /api/auth/me`;
 * `POST /api/auth/logout` (with the CSRF token, like every change).
 */
export function authRoutes(deps: { users: UserRepository; sessions: SessionRepository; throttle: LoginThrottle; config: Pick<Config, 'publicUrl'>; passwords?: PasswordCheck; audit?: AuditLog }): Router {
  const router = Router();
  const secure = deps.config.publicUrl?.startsWith('https:') ? '; Secure' : '';
  const passwords = deps.passwords ?? new PasswordCheck();
  router.post('/login', async (req, res) => {
    const { email, password } = validate(loginSchema, req.body, 'body');
    // Reserved before anything is awaited, so concurrent guesses count against the limit too.
    const { attempt, retryAfterMs } = deps.throttle.reserve(`email:${email.toLowerCase()}`, `ip:${addressKey(req.ip)}`);
    if (!attempt) throw new TooManyRequestsError(`Too many failed logins; try again in ${Math.ceil(retryAfterMs / 1000)} s.`, Math.ceil(retryAfterMs / 1000));
    const user = await deps.users.findByEmail(email);
    if (!(await passwords.accepts(user, password)) || !user) {
      await deps.audit?.record({ actor: 'anonymous', action: 'login_failed', target: email.toLowerCase(), details: { address: req.ip } });
      throw new UnauthorizedError('Wrong e-mail or password.');
    }
    attempt.succeeded();
    await deps.audit?.record({ actor: user._id, action: 'login', target: user._id, details: { address: req.ip } });
    const { token, session } = await deps.sessions.start(user._id);
    res.setHeader('set-cookie', `${sessionCookie}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${12 * 3600}${secure}`);
    res.json({ user: publicUser(user), csrfToken: session.csrfToken });
  });
  router.get('/me', (_req, res) => {
    const auth = authOf(res);
    if (!auth) throw new UnauthorizedError();
    res.json({ user: publicUser(auth.user), csrfToken: auth.session.csrfToken });
  });
  // The signed-in user's own settings: the language of the staff pages.
  router.patch('/me', async (req, res) => {
    const auth = authOf(res);
    if (!auth) throw new UnauthorizedError();
    checkCsrf(req, auth);
    const { staffLocale } = validate(meBody, req.body, 'body');
    const user = await deps.users.setStaffLocale(auth.user._id, staffLocale);
    await deps.audit?.record({ actor: auth.user._id, action: 'staff_language', target: auth.user._id, details: { staffLocale } });
    if (!user) throw new UnauthorizedError();
    res.json({ user: publicUser(user), csrfToken: auth.session.csrfToken });
  });
  router.post('/logout', async (req, res) => {
    const auth = authOf(res);
    // Without a session there is nothing to end; the cookie is cleared either way.
    if (auth) {
      checkCsrf(req, auth);
      await deps.sessions.end(auth.token);
    }
    res.setHeader('set-cookie', `${sessionCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
    res.status(204).end();
  });
  return router;
}
