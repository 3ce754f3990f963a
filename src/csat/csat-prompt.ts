import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { localeSchema } from '../config/config-schema.js';
import { segmentSchema } from '../customers/customer.js';
import { surveySkipReasonSchema, surveyTriggerSchema } from '../surveys/survey-prompt.js';

/** What made Careline want to survey a conversation (the same for every kind). */
export const csatTriggerSchema = surveyTriggerSchema;
export type CsatTrigger = z.infer<typeof csatTriggerSchema>;

/** Why a conversation was not surveyed after all (recorded on the prompt). */
export const csatSkipReasonSchema = surveySkipReasonSchema;
export type CsatSkipReason = z.infer<typeof csatSkipReasonSchema>;

/**
 * One survey of one conversation (unique per conversation, so never asked twice):
 * `prompted` → `rated` (score stored; waiting for an optional comment) → `done`, or
 * `expired` when unanswered, or `skipped` with a reason when it was never sent.
 */
export const csatPromptSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  customerId: z.string(),
  channel: channelIdSchema,
  trigger: csatTriggerSchema,
  handledBy: z.enum(['bot', 'agent']),
  /** The agent who owned the conversation when it was resolved. */
  agentId: z.string().optional(),
  ticketId: z.string().optional(),
  locale: localeSchema,
  segment: segmentSchema,
  status: z.enum(['skipped', 'prompted', 'rated', 'done', 'expired']),
  skipReason: csatSkipReasonSchema.optional(),
  /** Unclear answers so far (asked once more after the first). */
  unclear: z.number().int().min(0).default(0),
  score: z.number().int().min(1).max(5).optional(),
  /** When the trigger happened (resolve, thanks, the idle timer). */
  triggeredAt: z.date(),
  promptedAt: z.date().optional(),
  answeredAt: z.date().optional(),
  /** Until when an answer (or, once rated, a comment) is taken. */
  expiresAt: z.date().optional(),
  createdAt: z.date(),
});
export type CsatPrompt = z.infer<typeof csatPromptSchema>;
