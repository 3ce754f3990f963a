import type { EventBus } from '../events/event-bus.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { Job } from '../jobs/job.js';
import type { ConversationRepository } from './conversation-repository.js';

export const idleCloseJob = 'conversation.idle_close';

/**
 * Closes a conversation the bot had when nobody wrote in it for `idleMs`
 * (`IDLE_CLOSE_MINUTES`), so a customer who comes back next week starts a new conversation
 * (agents see the earlier ones beside it). A durable job per customer message: when it runs
 * and the conversation was written to since, it does nothing (the later message's job will
 * decide). Conversations with agents are left alone (they are resolved by agents).
 */
export class IdleClose {
  constructor(
    private readonly deps: { conversations: ConversationRepository; jobs: JobQueue; jobRunner: JobRunner; events: EventBus; idleMs: number },
  ) {
    deps.jobRunner.register(idleCloseJob, (job, now) => this.run(job, now));
  }

  /** Starts the idle timer on every customer message (0 minutes: never closes). */
  listen(): void {
    if (this.deps.idleMs <= 0) return;
    this.deps.events.on('message.received', async ({ conversation, message }) => {
      if (conversation.state !== 'bot') return;
      await this.deps.jobs.schedule({ type: idleCloseJob, dueAt: new Date(message.createdAt.getTime() + this.deps.idleMs), payload: { conversationId: conversation._id }, dedupeKey: `idle:${message._id}` });
    });
  }

  private async run(job: Job, now: Date): Promise<string> {
    const conversationId = String(job.payload?.conversationId ?? '');
    const conversation = await this.deps.conversations.get(conversationId);
    if (!conversation || conversation.state !== 'bot') return 'not_with_bot';
    const quietSince = conversation.lastMessageAt.getTime();
    if (now.getTime() - quietSince < this.deps.idleMs) return 'written_since';
    const closed = await this.deps.conversations.transition(conversationId, { state: 'bot', lastMessageAt: conversation.lastMessageAt }, { $set: { state: 'closed', closedAt: now, updatedAt: now } });
    return closed ? 'closed' : 'changed_meanwhile';
  }
}
