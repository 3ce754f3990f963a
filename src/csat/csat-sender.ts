import type { ChannelRegistry } from '../core/channel-registry.js';
import type { Channel } from '../core/channel.js';
import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { MessageDispatcher } from '../outbox/message-dispatcher.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { Job } from '../jobs/job.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import type { CsatPrompt, CsatSkipReason } from './csat-prompt.js';
import type { CsatPromptRepository } from './csat-prompt-repository.js';
import { csatPhrases, ratingButtons } from './csat-phrases.js';
import { csatJobPayloadSchema, type CsatJobPayload } from './csat-scheduler.js';
import { chooseSurvey, surveyKindsOn } from '../surveys/survey-choice.js';
import type { SurveyFatigue } from '../surveys/survey-fatigue.js';
import type { SurveyAsker } from '../surveys/survey-asker.js';
import type { SurveyOccasion } from '../surveys/survey-prompt.js';

/** The job that closes a survey nobody answered. */
export const csatExpireJob = 'csat.expire';

export interface CsatSenderDeps {
  config: Pick<Config, 'csat' | 'surveys' | 'locales'>;
  conversations: ConversationRepository;
  customers: CustomerRepository;
  messages: MessageRepository;
  prompts: CsatPromptRepository;
  channels: ChannelRegistry;
  dispatcher: MessageDispatcher;
  jobs: JobQueue;
  /** The fatigue rule across every kind (one survey per conversation, one per customer in `minDaysBetweenSurveys`). */
  fatigue: SurveyFatigue;
  /** Asks NPS and CES when the survey rule picks them. */
  asker: SurveyAsker;
}

const isResolved = (conversation: Conversation) => conversation.state === 'resolved' || conversation.state === 'closed';
const isStillWithBot = (conversation: Conversation) => conversation.state === 'bot';
const customerWroteSince = (conversation: Conversation, at: Date) => (conversation.lastCustomerMessageAt?.getTime() ?? 0) > at.getTime();
const isOutsideWindow = (channel: Channel, conversation: Conversation, now: Date) =>
  channel.messagingWindowMs !== undefined && now.getTime() - (conversation.lastCustomerMessageAt ?? conversation.lastMessageAt).getTime() > channel.messagingWindowMs;

/**
 * Sends a due survey, or decides not to: runs the `csat.prompt` job for every kind. Which
 * kind is asked (CSAT, or NPS / CES through `SurveyAsker`) is `chooseSurvey`'s rule. Not
 * surveyed: a conversation already surveyed by any kind, one an agent has not resolved (still waiting or with an
 * agent), a bot conversation that was handed off, continued, or never answered anything
 * (abandoned). Recorded as skipped, with the reason: the channel is off, the platform's
 * messaging window has closed, or the customer was asked on any channel in the last
 * `minDaysBetweenSurveys` days. The rating prompt goes out through the dispatcher as a
 * `rating` message with buttons `csat:1`..`csat:5`.
 */
export class CsatSender {
  constructor(private readonly deps: CsatSenderDeps) {}

  /** The `csat.prompt` job handler; returns what it did. */
  async run(job: Job, now: Date): Promise<string> {
    const payload = csatJobPayloadSchema.parse(job.payload);
    const { fatigue, conversations } = this.deps;
    const conversation = await conversations.get(payload.conversationId);
    if (!conversation) return 'conversation_missing';
    if (await fatigue.alreadySurveyed(conversation._id)) return 'already_surveyed';
    const notWanted = await this.whyNotWanted(payload, conversation);
    if (notWanted) return notWanted;
    const kinds = surveyKindsOn(this.deps.config);
    const npsDue = kinds.includes('nps') && (await fatigue.npsDue(conversation.customerId, now));
    const kind = chooseSurvey({ kinds, handledBy: payload.handledBy, npsDue });
    if (!kind) return 'no_survey_kind';
    const skipReason = await this.whySkipped(conversation, now);
    const occasion = await this.occasion(payload, conversation);
    if (kind !== 'csat') return this.deps.asker.ask(kind, occasion, conversation, now, skipReason);
    return this.prompt(occasion, conversation, now, skipReason);
  }

  /** The `csat.expire` job handler: an unanswered survey (or comment request) is closed. */
  async expire(job: Job): Promise<string> {
    const promptId = String(job.payload.promptId);
    if (await this.deps.prompts.advance(promptId, 'prompted', { $set: { status: 'expired' } })) return 'expired';
    if (await this.deps.prompts.advance(promptId, 'rated', { $set: { status: 'done' } })) return 'comment_window_closed';
    return 'already_answered';
  }

  private async whyNotWanted(payload: CsatJobPayload, conversation: Conversation): Promise<string | null> {
    const { csat } = this.deps.config;
    if (surveyKindsOn(this.deps.config).length === 0) return 'surveys_disabled';
    if (payload.handledBy === 'agent') return isResolved(conversation) ? null : 'not_resolved';
    if (!csat.botSurveys) return 'bot_surveys_disabled';
    if (!isStillWithBot(conversation)) return 'not_with_bot';
    if (customerWroteSince(conversation, payload.triggeredAt)) return 'customer_wrote_again';
    const transcript = await this.deps.messages.transcript(conversation._id);
    return transcript.some((line) => line.articleId !== undefined) ? null : 'nothing_answered';
  }

  private async whySkipped(conversation: Conversation, now: Date): Promise<CsatSkipReason | null> {
    const channel = this.deps.channels.get(conversation.channel);
    if (!channel) return 'channel_unavailable';
    if (isOutsideWindow(channel, conversation, now)) return 'outside_messaging_window';
    if (await this.deps.fatigue.askedRecently(conversation.customerId, now)) return 'surveyed_recently';
    return null;
  }

  /** The conversation as the survey records it: who, where, in which language, handled by whom. */
  private async occasion(payload: CsatJobPayload, conversation: Conversation): Promise<SurveyOccasion> {
    const customer = await this.deps.customers.get(conversation.customerId);
    return {
      conversationId: conversation._id,
      customerId: conversation.customerId,
      channel: conversation.channel,
      trigger: payload.trigger,
      handledBy: payload.handledBy,
      ...(payload.agentId ? { agentId: payload.agentId } : {}),
      ...(payload.ticketId ? { ticketId: payload.ticketId } : {}),
      locale: conversation.locale ?? customer?.locale ?? this.deps.config.locales.default,
      segment: customer?.segment ?? 'new',
      triggeredAt: payload.triggeredAt,
    };
  }

  private async prompt(occasion: SurveyOccasion, conversation: Conversation, now: Date, skipReason: CsatSkipReason | null): Promise<string> {
    const { locale } = occasion;
    const expiresAt = new Date(now.getTime() + this.deps.config.csat.expireHours * 3_600_000);
    let prompt: CsatPrompt;
    try {
      prompt = await this.deps.prompts.create({ ...occasion, ...(skipReason ? { status: 'skipped', skipReason } : { status: 'prompted', promptedAt: now, expiresAt }) });
    } catch (error) {
      if (error instanceof DuplicateKeyError) return 'already_surveyed';
      throw error;
    }
    if (skipReason) return skipReason;
    // Recorded as prompted before sending: a crash in between loses one survey rather than asking twice.
    await this.deps.dispatcher.deliver(conversation, { kind: 'bot' }, { kind: 'rating', text: csatPhrases[locale].question, buttons: ratingButtons(locale), locale });
    await this.deps.jobs.schedule({ type: csatExpireJob, dueAt: expiresAt, payload: { promptId: prompt._id } });
    return 'prompted';
  }
}
