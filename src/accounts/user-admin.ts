import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from './password.js';
import { roleSchema, type Role, type User } from './user.js';
import type { UserRepository } from './user-repository.js';

/** The options of `careline user add`, validated. */
export const userAddSchema = z.strictObject({
  email: z.email({ error: 'expected --email like agent@example.com' }),
  name: z.string().min(1).max(100).optional(),
  role: z.array(roleSchema).min(1).default(['agent']),
  password: z.string().min(10, { error: 'expected --password of at least 10 characters (or leave it out to get one generated)' }).optional(),
});

/** A password people can type: 16 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Creates a user; returns it with the password to show once when it was generated. */
export async function addUser(users: UserRepository, input: { email: string; name?: string; roles: Role[]; password?: string }): Promise<{ user: User; generatedPassword?: string }> {
  const password = input.password ?? generatePassword();
  const user = await users.create({ email: input.email, displayName: input.name ?? input.email.split('@')[0]!, roles: input.roles, passwordHash: await hashPassword(password) });
  return { user, ...(input.password ? {} : { generatedPassword: password }) };
}

/**
 * On the very first start (no users at all) creates an admin with a generated password, so
 * the console can be opened at once; the caller prints the password once.
 */
export async function ensureFirstAdmin(users: UserRepository): Promise<{ email: string; password: string } | null> {
  if ((await users.count()) > 0) return null;
  const email = 'admin@careline.local';
  const { generatedPassword } = await addUser(users, { email, name: 'Admin', roles: ['admin'] });
  return { email, password: generatedPassword! };
}
