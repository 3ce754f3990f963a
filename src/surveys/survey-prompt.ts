import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { localeSchema } from '../config/config-schema.js';
import { segmentSchema } from '../customers/customer.js';

/** What made Careline want to survey a conversation (any kind). */
export const surveyTriggerSchema = z.enum(['resolved', 'thanks', 'goodbye', 'idle']);
export type SurveyTrigger = z.infer<typeof surveyTriggerSchema>;

/** Why a conversation was not surveyed after all. */
export const surveySkipReasonSchema = z.enum(['outside_messaging_window', 'surveyed_recently', 'channel_unavailable', 'surveys_disabled']);
export type SurveySkipReason = z.infer<typeof surveySkipReasonSchema>;

/** The conversation a survey is about, as it was when the survey was triggered. */
export const surveyOccasionSchema = z.object({
  conversationId: z.string(),
  customerId: z.string(),
  channel: channelIdSchema,
  trigger: surveyTriggerSchema,
  handledBy: z.enum(['bot', 'agent']),
  /** The agent who owned the conversation when it was resolved. */
  agentId: z.string().optional(),
  ticketId: z.string().optional(),
  locale: localeSchema,
  segment: segmentSchema,
  /** When the trigger happened (resolve, thanks, the idle timer). */
  triggeredAt: z.date(),
});
export type SurveyOccasion = z.infer<typeof surveyOccasionSchema>;

/**
 * How far a survey of any kind got, but for its statuses and its scale (which each kind
 * names): whether and when it was sent and answered, and until when an answer is taken.
 */
export const surveyProgressSchema = z.object({
  _id: z.string(),
  skipReason: surveySkipReasonSchema.optional(),
  /** Unclear answers so far (asked once more after the first). */
  unclear: z.number().int().min(0).default(0),
  promptedAt: z.date().optional(),
  answeredAt: z.date().optional(),
  /** Until when an answer (or, once rated, a comment) is taken. */
  expiresAt: z.date().optional(),
  createdAt: z.date(),
});

/**
 * One NPS or CES survey of one conversation in `survey_prompts` (CSAT keeps `csat_prompts`):
 * `prompted` → `rated` (waiting for an optional comment) → `done`; `declined` when turned
 * down, `expired` when unanswered, `skipped` with a reason when never sent.
 */
export const surveyPromptSchema = surveyOccasionSchema.extend({
  ...surveyProgressSchema.shape,
  kind: z.enum(['nps', 'ces']),
  status: z.enum(['skipped', 'prompted', 'rated', 'done', 'declined', 'expired']),
  score: z.number().int().min(0).max(10).optional(),
});
export type SurveyPrompt = z.infer<typeof surveyPromptSchema>;
