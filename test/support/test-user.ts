import { hashPassword } from '../../src/accounts/password.js';
import type { Role, User } from '../../src/accounts/user.js';
import type { UserRepository } from '../../src/accounts/user-repository.js';

/** The password of every user the tests add. */
export const testPassword = 'correct horse battery';

let testPasswordHash: Promise<string> | null = null;

/**
 * Adds a user whose password is `testPassword`, as `careline user add` would store it: a
 * scrypt hash with the product's parameters, made once per test worker rather than once per
 * user (about 0.2 s of CPU each). Logging in still checks the password against it for real.
 */
export async function addTestUser(users: UserRepository, input: { email: string; name?: string; roles: Role[] }): Promise<User> {
  const passwordHash = await (testPasswordHash ??= hashPassword(testPassword));
  return users.create({ email: input.email, displayName: input.name ?? input.email.split('@')[0]!, roles: input.roles, passwordHash });
}
