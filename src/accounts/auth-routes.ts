import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import { TooManyRequestsError, UnauthorizedError } from '../http/app-error.js';
import { validate } from '../http/validate.js';
import { authOf, sessionCookie } from './auth.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password.js';
import type { SessionRepository } from './session-repository.js';
import type { User } from './user.js';
import type { UserRepository } from './user-repository.js';

const loginSchema = z.strictObject({ email: z.email().max(200), password: z.string().min(1).max(200) });

/** A user as the browser may see it (never the hash). */
export function publicUser(user: User) {
  return { id: user._id, email: user.email, displayName: user.displayName, roles: user.roles };
}

/**
 * `POST /api/auth/login` (rate-limited) sets an HttpOnly, SameSite=Strict session cookie and
 * returns the user and the CSRF token; `GET /api/auth/me`; `POST /api/auth/logout`.
 */
export function authRoutes(deps: { users: UserRepository; sessions: SessionRepository; throttle: LoginThrottle; config: Pick<Config, 'publicUrl'> }): Router {
  const router = Router();
  const secure = deps.config.publicUrl?.startsWith('https:') ? '; Secure' : '';
  router.post('/login', async (req, res) => {
    const { email, password } = validate(loginSchema, req.body, 'body');
    const keys = [`email:${email.toLowerCase()}`, `ip:${req.ip}`];
    const wait = Math.max(...keys.map((key) => deps.throttle.retryAfter(key)));
    if (wait > 0) throw new TooManyRequestsError(`Too many failed logins; try again in ${Math.ceil(wait / 1000)} s.`, Math.ceil(wait / 1000));
    const user = await deps.users.findByEmail(email);
    const ok = user && !user.disabled && (await verifyPassword(password, user.passwordHash));
    if (!ok) {
      for (const key of keys) deps.throttle.fail(key);
      throw new UnauthorizedError('Wrong e-mail or password.');
    }
    for (const key of keys) deps.throttle.succeed(key);
    const { token, session } = await deps.sessions.start(user._id);
    res.setHeader('set-cookie', `${sessionCookie}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${12 * 3600}${secure}`);
    res.json({ user: publicUser(user), csrfToken: session.csrfToken });
  });
  router.get('/me', (_req, res) => {
    const auth = authOf(res);
    if (!auth) throw new UnauthorizedError();
    res.json({ user: publicUser(auth.user), csrfToken: auth.session.csrfToken });
  });
  router.post('/logout', async (_req, res) => {
    const auth = authOf(res);
    if (auth) await deps.sessions.end(auth.token);
    res.setHeader('set-cookie', `${sessionCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
    res.status(204).end();
  });
  return router;
}
