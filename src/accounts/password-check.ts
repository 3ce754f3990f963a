import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './password.js';
import type { User } from './user.js';

/**
 * Checks a login's password with the same work whether or not the e-mail has a usable
 * account: for an unknown or disabled user the password is checked against a dummy hash
 * made once, at start-up, with the parameters of every new hash. So the answer's timing
 * does not tell who has an account.
 */
export class PasswordCheck {
  private readonly dummyHash: Promise<string>;

  constructor(private readonly verify: (password: string, hash: string) => Promise<boolean> = verifyPassword) {
    this.dummyHash = hashPassword(randomBytes(24).toString('base64url'));
  }

  /** Whether `user` may log in with `password` (false for no user or a disabled one). */
  async accepts(user: User | null, password: string): Promise<boolean> {
    const usable = user !== null && !user.disabled;
    const matches = await this.verify(password, usable ? user.passwordHash : await this.dummyHash);
    return usable && matches;
  }
}
