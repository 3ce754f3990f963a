import type { ChannelId } from '../core/channel-id.js';
import type { Attachment } from '../core/messages.js';
import { newId } from '../storage/new-id.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { Job } from '../jobs/job.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobRunner } from '../jobs/job-runner.js';

/** The job that gives a conversation back to the bot once the person on the platform's app has been quiet. */
export const takeoverQuietJob = 'conversation.takeover_quiet';

/** The owner of a conversation a person answers from the platform's own app, not from the console. */
export const platformOwner = (channel: ChannelId) => `platform:${channel}`;
export const isPlatformOwner = (ownerId: string | null | undefined) => Boolean(ownerId?.startsWith('platform:'));

/** A message a person wrote to the customer from the platform's own app (the Page inbox, the Zalo OA console). */
export interface HumanReply {
  channel: ChannelId;
  /** The customer's id on the platform. */
  externalUserId: string;
  text: string;
  attachments?: Attachment[];
  /** The platform's id of the message: a redelivered echo is stored once. */
  platformMessageId: string;
  at: Date;
  /** How the transcript names the writer (e.g. "Page inbox"). */
  name: string;
}

export interface PlatformTakeoverDeps {
  customers: CustomerRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  jobs: JobQueue;
  jobRunner: JobRunner;
  events: EventBus;
  /** How long the person may be quiet before the bot answers again. */
  quietMs: number;
}

/**
 * When a person answers a customer from the platform's own app, the bot steps aside: the
 * message goes into the transcript, the conversation goes to "with agent" (owned by the
 * platform, so the console shows it and any agent can hand it back) and the bot stays silent
 * until an agent hands it back or the person has been quiet for `quietMs`.
 */
export class PlatformTakeover {
  constructor(private readonly deps: PlatformTakeoverDeps) {
    deps.jobRunner.register(takeoverQuietJob, (job) => this.quietEnded(job));
  }

  /** Records the person's message and takes the conversation from the bot; false when it names no customer or conversation Careline knows. */
  async humanReplied(reply: HumanReply): Promise<boolean> {
    const { deps } = this;
    const customer = await deps.customers.findByIdentity(reply.channel, reply.externalUserId);
    const latest = customer && (await deps.conversations.latestFor(customer._id, reply.channel));
    if (!customer || !latest || latest.state === 'closed') return false;
    const { message, duplicate } = await deps.messages.insertOnce({
      _id: newId('msg'),
      conversationId: latest._id,
      customerId: customer._id,
      channel: reply.channel,
      direction: 'out',
      author: { kind: 'agent', id: platformOwner(reply.channel), name: reply.name },
      text: reply.text,
      ...(reply.attachments?.length ? { attachments: reply.attachments } : {}),
      buttons: [],
      platformMessageId: reply.platformMessageId,
      inboundKey: `${reply.channel}:echo:${reply.platformMessageId}`,
      delivery: { status: 'sent', at: reply.at },
      createdAt: reply.at,
    });
    if (duplicate) return true;
    const conversation = await this.takeFromBot(latest);
    deps.events.emit('message.sent', { conversation, message });
    if (isPlatformOwner(conversation.ownerId)) {
      const dedupeKey = `takeover:${conversation._id}`;
      await deps.jobs.cancel(dedupeKey);
      await deps.jobs.schedule({ type: takeoverQuietJob, dueAt: new Date(reply.at.getTime() + deps.quietMs), payload: { conversationId: conversation._id }, dedupeKey });
    }
    return true;
  }

  private async takeFromBot(conversation: Conversation): Promise<Conversation> {
    if (conversation.state !== 'bot' && conversation.state !== 'resolved') return conversation;
    const now = new Date();
    const taken = await this.deps.conversations.transition(conversation._id, { state: conversation.state }, { $set: { state: 'with_agent', ownerId: platformOwner(conversation.channel), escalated: true, updatedAt: now, lastMessageAt: now } });
    return taken ?? (await this.deps.conversations.get(conversation._id)) ?? conversation;
  }

  /** The person has been quiet: the bot answers again (unless an agent took the conversation meanwhile). */
  private async quietEnded(job: Job): Promise<string> {
    const conversationId = String(job.payload?.conversationId ?? '');
    const conversation = await this.deps.conversations.get(conversationId);
    if (!conversation || conversation.state !== 'with_agent' || !isPlatformOwner(conversation.ownerId)) return 'no longer the platform\'s';
    const back = await this.deps.conversations.transition(conversationId, { state: 'with_agent', ownerId: conversation.ownerId }, { $set: { state: 'bot', ownerId: null, missCount: 0, updatedAt: new Date() } });
    if (back) this.deps.events.emit('conversation.handed_back', { conversation: back, agentId: conversation.ownerId! });
    return back ? 'handed back to the bot' : 'changed meanwhile';
  }
}
