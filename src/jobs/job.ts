import { z } from 'zod';
import { leaseFields } from './lease.js';

/** Durable scheduled work (send a CSAT prompt, close an idle conversation, check an SLA). */
export const jobSchema = z.object({
  _id: z.string(),
  type: z.string().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
  ...leaseFields,
  /** At most one pending job per key (e.g. `csat:conv_123`). */
  dedupeKey: z.string().optional(),
  /** What running it came to, when the handler said (e.g. why a survey was not sent). */
  outcome: z.string().optional(),
  createdAt: z.date(),
});
export type Job = z.infer<typeof jobSchema>;
