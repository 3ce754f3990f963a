import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './password.js';
import type { User } from './user.js';

let dummy: Promise<string> | null = null;

/**
 * The hash unknown and disabled users are checked against: one per process, made on the
 * first login attempt (whoever it is for) with the parameters of every new hash, so a start
 * that serves no login (a CLI command, a test's world) does not pay for it.
 */
function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(24).toString('base64url')));
}

/**
 * Checks a login's password with the same work whether or not the e-mail has a usable
 * account: for an unknown or disabled user the password is checked against a dummy hash of
 * the parameters of every new hash. The dummy is made on the first attempt, awaited by every
 * attempt alike, so the answer's timing does not tell who has an account, the first time
 * either.
 */
export class PasswordCheck {
  constructor(private readonly verify: (password: string, hash: string) => Promise<boolean> = verifyPassword) {}

  /** Whether `user` may log in with `password` (false for no user or a disabled one). */
  async accepts(user: User | null, password: string): Promise<boolean> {
    const usable = user !== null && !user.disabled;
    const fallback = await dummyHash();
    const matches = await this.verify(password, usable ? user.passwordHash : fallback);
    return usable && matches;
  }
}
