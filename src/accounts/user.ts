import { z } from 'zod';

export const roleSchema = z.enum(['agent', 'editor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** A person who logs in: agents, editors, admins. */
export const userSchema = z.object({
  _id: z.string(),
  email: z.email().transform((email) => email.toLowerCase()),
  displayName: z.string().min(1).max(100),
  roles: z.array(roleSchema).min(1),
  /** scrypt hash with its parameters and salt. */
  passwordHash: z.string(),
  disabled: z.boolean().default(false),
  maxConversations: z.number().int().min(1).max(100).default(5),
  /** The language of the staff pages for this user (vi, en, cs, zh); unset: the browser's. */
  staffLocale: z.enum(['vi', 'en', 'cs', 'zh']).optional(),
  createdAt: z.date(),
});
export type User = z.infer<typeof userSchema>;

/** A user as the browser may see them (never the hash): who is signed in, a colleague. */
export const publicUserSchema = userSchema.pick({ displayName: true, roles: true, staffLocale: true }).extend({ id: z.string(), email: z.email() });
export type PublicUser = z.infer<typeof publicUserSchema>;
