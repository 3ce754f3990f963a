import { hashPassword } from '../../src/accounts/password.js';
import type { Role, User } from '../../src/accounts/user.js';
import type { UserRepository } from '../../src/accounts/user-repository.js';

/** The password of every user the tests add. */
export const testPassword = 'correct horse battery';

let testPasswordHash: Promise<string> | null = null;

/**
 * scrypt parameters of the test users' hash: N=2^10 instead of the product's 2^15, so a
 * login costs about 4 ms of CPU instead of 140 (the suite checks about 75 passwords).
 * Logging in still checks the password for real, with the parameters the hash names, as it
 * would for a hash stored by an older release; test/accounts checks the product's own.
 */
const testUserScrypt = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Adds a user whose password is `testPassword`, as `careline user add` would store it but
 * with cheaper scrypt parameters (above), the hash made once per test worker rather than
 * once per user.
 */
export async function addTestUser(users: UserRepository, input: { email: string; name?: string; roles: Role[] }): Promise<User> {
  const passwordHash = await (testPasswordHash ??= hashPassword(testPassword, testUserScrypt));
  return users.create({ email: input.email, displayName: input.name ?? input.email.split('@')[0]!, roles: input.roles, passwordHash });
}
