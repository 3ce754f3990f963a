import { z } from 'zod';
import { channelIdSchema } from '../core/channel-id.js';
import { localeSchema } from '../config/config-schema.js';
import { segmentSchema } from '../customers/customer.js';

/** One NPS or CES answer in `survey_responses`, with what a report needs recorded at the time. */
export const surveyResponseSchema = z
  .object({
    _id: z.string(),
    kind: z.enum(['nps', 'ces']),
    score: z.number().int().min(0).max(10),
    comment: z.string().max(4000).optional(),
    conversationId: z.string(),
    ticketId: z.string().optional(),
    customerId: z.string(),
    channel: channelIdSchema,
    /** The agent who owned the conversation when it was resolved (recorded then, not looked up). */
    agentId: z.string().optional(),
    handledBy: z.enum(['bot', 'agent']),
    segment: segmentSchema,
    locale: localeSchema,
    promptedAt: z.date(),
    answeredAt: z.date(),
  })
  .refine((response) => response.kind === 'nps' || response.score >= 1, { error: 'a CES score is 1 to 7', path: ['score'] })
  .refine((response) => response.kind === 'nps' || response.score <= 7, { error: 'a CES score is 1 to 7', path: ['score'] });
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;
