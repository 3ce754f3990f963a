import { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import { surveyKindsOn } from '../surveys/survey-choice.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { csatTriggerSchema, type CsatTrigger } from './csat-prompt.js';

/** The job that sends a survey once it is due. */
export const csatPromptJob = 'csat.prompt';

/** What a survey job carries: enough to survey the conversation as it was at the trigger. */
export const csatJobPayloadSchema = z.object({
  conversationId: z.string(),
  trigger: csatTriggerSchema,
  handledBy: z.enum(['bot', 'agent']),
  /** Who owned the conversation when it was resolved (agent-handled only). */
  agentId: z.string().optional(),
  ticketId: z.string().optional(),
  triggeredAt: z.coerce.date(),
});
export type CsatJobPayload = z.infer<typeof csatJobPayloadSchema>;

/** One pending survey job per conversation; a newer trigger replaces an older one. */
const dedupeKey = (conversationId: string) => `csat:${conversationId}`;

/**
 * Listens to conversation events and schedules durable survey jobs: after an agent
 * resolves (with the agent who owned it then), and for bot-only conversations after the
 * customer thanks or says goodbye, or when the conversation stays idle after an answer.
 * A customer who writes again, or a hand-off, cancels a pending bot survey. Whether a
 * survey is really sent is decided when it is due (see `CsatSender`).
 */
export class CsatScheduler {
  constructor(
    private readonly settings: Pick<Config, 'csat' | 'surveys'>,
    private readonly jobs: JobQueue,
  ) {}

  private get config(): Config['csat'] {
    return this.settings.csat;
  }

  /** Schedules surveys while any kind is on (`SURVEYS`; which one is asked is decided when it is due). */
  listen(events: EventBus): void {
    if (surveyKindsOn(this.settings).length === 0) return;
    events.on('conversation.resolved', ({ conversation, ticket, agentId }) =>
      this.schedule({ conversationId: conversation._id, trigger: 'resolved', handledBy: 'agent', agentId, ...(ticket ? { ticketId: ticket._id } : {}), triggeredAt: new Date() }, this.config.delaySeconds * 1000),
    );
    if (!this.config.botSurveys) return;
    events.on('message.received', async ({ conversation }) => {
      await this.jobs.cancel(dedupeKey(conversation._id));
    });
    events.on('conversation.handed_off', async ({ conversation }) => {
      await this.jobs.cancel(dedupeKey(conversation._id));
    });
    events.on('bot.answered', ({ conversation }) => this.scheduleBot(conversation._id, 'idle', this.config.idleMinutes * 60_000));
    events.on('customer.thanked', ({ conversation, intent }) => this.scheduleBot(conversation._id, intent, this.config.delaySeconds * 1000));
  }

  private scheduleBot(conversationId: string, trigger: CsatTrigger, delayMs: number): Promise<void> {
    return this.schedule({ conversationId, trigger, handledBy: 'bot', triggeredAt: new Date() }, delayMs);
  }

  private async schedule(payload: CsatJobPayload, delayMs: number): Promise<void> {
    const key = dedupeKey(payload.conversationId);
    await this.jobs.cancel(key);
    await this.jobs.schedule({ type: csatPromptJob, dueAt: new Date(payload.triggeredAt.getTime() + delayMs), payload: { ...payload, triggeredAt: payload.triggeredAt.toISOString() }, dedupeKey: key });
  }
}
