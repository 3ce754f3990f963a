import { z } from 'zod';
import { surveyOccasionSchema, surveyProgressSchema, surveySkipReasonSchema, surveyTriggerSchema } from '../surveys/survey-prompt.js';

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
export const csatPromptSchema = surveyOccasionSchema.extend({
  ...surveyProgressSchema.shape,
  status: z.enum(['skipped', 'prompted', 'rated', 'done', 'expired']),
  score: z.number().int().min(1).max(5).optional(),
});
export type CsatPrompt = z.infer<typeof csatPromptSchema>;
