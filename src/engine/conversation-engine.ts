import type { Channel } from '../core/channel.js';
import type { InboundMessage } from '../core/messages.js';
import type { Config } from '../config/config-schema.js';
import { localeTags, type Locale } from '../core/locale.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationLog, RecordedInbound } from './conversation-log.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { Message } from '../conversations/message.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { MessageDispatcher, Reply } from '../outbox/message-dispatcher.js';
import type { PendingPromptCheck } from '../csat/csat-answers.js';
import type { Customer } from '../customers/customer.js';
import type { EventBus } from '../events/event-bus.js';
import { findContactDetails } from '../handoff/contact-details.js';
import type { Handoff } from '../handoff/handoff.js';
import type { TicketRepository } from '../handoff/ticket-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { detectComplaint } from '../intents/complaint-detector.js';
import type { IntentMatcher } from '../intents/intent-matcher.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { QuestionLog, QuestionOutcome } from '../knowledge/question-log.js';
import { payloads, type Decision, type DecisionMaker } from './answer-policy.js';
import { botPhrases, fill } from './bot-phrases.js';
import { KeyedQueue } from '../core/keyed-queue.js';

/** What one customer message produced. */
export interface Turn {
  conversation: Conversation;
  customer: Customer;
  message: Message;
  /** The platform delivered this message before; nothing was done. */
  duplicate: boolean;
  /** The bot's replies, in order (none while an agent owns the conversation). */
  replies: Message[];
  decision?: Decision;
}

export interface EngineDeps {
  config: Pick<Config, 'answers' | 'locales' | 'timezone'>;
  log: ConversationLog;
  messages: MessageRepository;
  conversations: ConversationRepository;
  /** The offline `AnswerPolicy`, or the model-aware one when OpenAI is configured. */
  policy: DecisionMaker;
  knowledge: KnowledgeBase;
  intents: IntentMatcher;
  handoff: Handoff;
  tickets: TicketRepository;
  customers: CustomerRepository;
  questions: QuestionLog;
  dispatcher: MessageDispatcher;
  events: EventBus;
  /** An open survey's claim on a message (see `PendingPromptCheck`). */
  surveys?: PendingPromptCheck;
  /** The public page of an article, linked under answers. */
  articleUrl: (slug: string, locale: Locale) => string;
}

/** A customer message once it is stored: the bot's turn on it runs on. */
export interface Accepted {
  message: Message;
  /** The platform delivered this message before. */
  duplicate: boolean;
  /** Resolves when the bot's turn on it is done (at once for a redelivery whose turn was done). */
  turn: Promise<Turn>;
}

/**
 * The conversation engine: the only place that decides what happens to a customer message,
 * on any channel. It records the message, stays silent while the conversation is with the
 * agents, and otherwise answers, asks which article was meant, makes small talk, or hands
 * off with a ticket. Messages of one customer are handled one at a time, in order.
 *
 * Store first, then answer: `accept` resolves once the message is stored (webhooks
 * acknowledge the platform then); the turn runs on. The stored message stays `turnPending`
 * until its turn has finished, so a redelivery of it, or `resumePending` after a restart,
 * finishes the turn instead of dropping it as a duplicate. Replies have ids derived from the
 * customer message, so a turn run twice stores and sends each reply once.
 */
export class ConversationEngine {
  private readonly recording = new KeyedQueue();
  private readonly turns = new KeyedQueue();
  /** Turns queued or running, by customer message id. */
  private readonly scheduled = new Map<string, Promise<Turn>>();
  private turnCounter = 0;

  constructor(private readonly deps: EngineDeps) {}

  /** Handles one inbound message to the end of its turn; `output` replaces the channel's own sender (e.g. in tests). */
  async handle(inbound: InboundMessage, output?: Channel): Promise<Turn> {
    return (await this.accept(inbound, output)).turn;
  }

  /** Stores one inbound message and starts the bot's turn on it; resolves once it is stored. */
  accept(inbound: InboundMessage, output?: Channel): Promise<Accepted> {
    return this.recording.run(`${inbound.channel}:${inbound.externalUserId}`, async () => {
      const recorded = await this.deps.log.recordInbound(inbound);
      const { message, duplicate } = recorded;
      if (duplicate && !message.turnPending) return { message, duplicate, turn: Promise.resolve({ ...recorded, replies: [] }) };
      const turn = this.schedule(recorded, output);
      return { message, duplicate, turn: duplicate ? turn.then((done) => ({ ...done, duplicate: true })) : turn };
    });
  }

  /**
   * Starts the turns a stopped process left pending (stored messages the bot never
   * answered), oldest first; resolves with how many it started. Failures are logged.
   */
  async resumePending(onError: (error: unknown, message: Message) => void): Promise<number> {
    let started = 0;
    for (const message of await this.deps.messages.pendingTurns()) {
      const [customer, conversation] = await Promise.all([this.deps.customers.get(message.customerId), this.deps.conversations.get(message.conversationId)]);
      if (!customer || !conversation) {
        await this.deps.messages.finishTurn(message._id);
        continue;
      }
      this.schedule({ customer, conversation, message, duplicate: false }).catch((error: unknown) => onError(error, message));
      started++;
    }
    return started;
  }

  /** Resolves when no turn is queued or running (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.scheduled.size > 0) await Promise.allSettled([...this.scheduled.values()]);
  }

  private schedule(recorded: RecordedInbound, output?: Channel): Promise<Turn> {
    const id = recorded.message._id;
    const known = this.scheduled.get(id);
    if (known) return known;
    const run = this.turns.run(recorded.conversation._id, async () => {
      // An earlier turn may have handed the conversation off since the message was stored.
      const conversation = (await this.deps.conversations.get(recorded.conversation._id)) ?? recorded.conversation;
      const turn = await this.turn({ ...recorded, conversation, duplicate: false }, output);
      await this.deps.messages.finishTurn(id);
      return turn;
    });
    this.scheduled.set(id, run);
    void run.then(
      () => this.scheduled.delete(id),
      () => this.scheduled.delete(id),
    );
    return run;
  }

  private async turn(recorded: RecordedInbound, output?: Channel): Promise<Turn> {
    const { customer, conversation, message } = recorded;
    const turn: Turn = { conversation, customer, message, duplicate: false, replies: [] };
    this.deps.events.emit('message.received', { conversation, message });
    if (conversation.state === 'waiting') {
      await this.takeContactDetails(turn, output);
      await this.raiseOnComplaint(turn);
    }
    if (conversation.state !== 'bot') return turn;
    if (await this.answeredSurvey(turn, output)) return turn;

    await this.deps.dispatcher.typing(conversation, output);
    const decision = await this.deps.policy.decide({
      text: message.text,
      ...(message.payload ? { payload: message.payload } : {}),
      ...(message.localeHint ? { localeHint: message.localeHint } : {}),
      ...(conversation.locale ? { conversationLocale: conversation.locale } : {}),
    });
    turn.decision = decision;
    const locale = decision.language.locale;
    const say = (reply: Reply) => this.reply(turn, { locale, ...reply }, output);
    const logQuestion = (outcome: QuestionOutcome, text: string = message.text) =>
      this.deps.questions.record({
        text,
        outcome,
        locale,
        channel: conversation.channel,
        conversationId: conversation._id,
        customerId: customer._id,
        candidates: decision.candidates.map(({ slug, confidence }) => ({ slug, confidence })),
      });
    const phrases = botPhrases[locale];
    let missCount = 0;
    const action = decision.action;

    switch (action.kind) {
      case 'smalltalk': {
        const text = this.deps.intents.response(action.intent, locale, this.turnCounter++);
        await say(action.intent === 'deny' ? { text, buttons: [{ label: phrases.talkToHuman, payload: payloads.handoff }] } : { text });
        if (action.intent === 'deny') await this.logRejectedAnswer(conversation._id, logQuestion);
        if (action.intent === 'thanks' || action.intent === 'goodbye') this.deps.events.emit('customer.thanked', { conversation, message: turn.message, intent: action.intent });
        break;
      }
      case 'feedback': {
        const text = this.deps.intents.response(action.helpful ? 'affirm' : 'deny', locale, this.turnCounter++);
        await say(action.helpful ? { text } : { text, buttons: [{ label: phrases.talkToHuman, payload: payloads.handoff }] });
        if (!action.helpful) await this.logRejectedAnswer(conversation._id, logQuestion);
        break;
      }
      case 'answer': {
        const wording = decision.wording?.slug === action.slug ? decision.wording : undefined;
        const reply = this.answerReply(action.slug, locale, action.confidence, wording);
        if (!reply) {
          missCount = conversation.missCount + 1;
          await say({ text: phrases.miss, buttons: [{ label: phrases.talkToHuman, payload: payloads.handoff }] });
          break;
        }
        await say(reply);
        this.deps.events.emit('bot.answered', { conversation: turn.conversation, message: turn.replies.at(-1)!, articleSlug: action.slug });
        break;
      }
      case 'clarify': {
        await logQuestion('weak');
        const buttons = action.candidates.map((candidate) => ({ label: this.titleOf(candidate.slug, locale).slice(0, 80), payload: payloads.article(candidate.slug) }));
        await say({ kind: 'choices', text: action.weak ? phrases.weak : phrases.clarify, buttons: [...buttons, { label: phrases.talkToHuman, payload: payloads.handoff }] });
        break;
      }
      case 'miss': {
        await logQuestion('missed');
        missCount = conversation.missCount + 1;
        if (missCount >= this.deps.config.answers.missesBeforeHandoff) {
          await this.escalate(turn, 'bot_could_not_answer', locale, say, '');
          return turn;
        }
        await say({ text: phrases.miss, buttons: [{ label: phrases.talkToHuman, payload: payloads.handoff }] });
        break;
      }
      case 'handoff': {
        await logQuestion('handed_off');
        // Words that asked for a person or complained get the intent's response (an apology for a complaint); a pressed button does not.
        const worded = decision.escalation !== undefined || (decision.intent !== null && ['human', 'complaint'].includes(decision.intent.intent));
        const intro = worded ? this.deps.intents.response(action.reason === 'complaint' ? 'complaint' : 'human', locale, this.turnCounter++) : '';
        await this.escalate(turn, action.reason, locale, say, intro);
        return turn;
      }
    }
    // Only a changed language or miss count is worth a write.
    if (conversation.locale !== locale || conversation.missCount !== missCount) {
      const updated = await this.deps.conversations.transition(conversation._id, { state: 'bot' }, { $set: { locale, missCount, updatedAt: new Date() } });
      if (updated) turn.conversation = updated;
    }
    return turn;
  }

  /** Lets an open survey take the message; true when it did (and replied). */
  private async answeredSurvey(turn: Turn, output?: Channel): Promise<boolean> {
    const replies = await this.deps.surveys?.claim({ conversation: turn.conversation, customer: turn.customer, message: turn.message });
    if (!replies) return false;
    for (const reply of replies) await this.reply(turn, reply, output);
    return true;
  }

  /** Says `reply` in the turn, under an id derived from the customer's message (a repeated turn stores it once). */
  private async reply(turn: Turn, reply: Reply, output?: Channel): Promise<void> {
    const id = `${turn.message._id}.r${turn.replies.length + 1}`;
    turn.replies.push(await this.deps.dispatcher.deliver(turn.conversation, { kind: 'bot' }, { ...reply, id }, output, { waitForFirstTry: true }));
  }

  /** The article's answer (or the model's wording of it, in the customer's language) under its title and link. */
  private answerReply(slug: string, locale: Locale, confidence: number, wording?: { text: string; model: string }): Reply | null {
    const { default: defaultLocale } = this.deps.config.locales;
    const article = this.deps.knowledge.article(slug, locale, defaultLocale);
    if (!article) return null;
    const phrases = botPhrases[locale];
    const note = article.locale === locale || wording ? '' : `\n\n${fill(phrases.onlyInLanguage, { language: phrases.languageNames[article.locale] })}`;
    return {
      text: `${article.title}\n\n${wording?.text ?? article.answer}${note}`,
      link: { label: phrases.readMore, url: this.deps.articleUrl(slug, article.locale) },
      buttons: [
        { label: phrases.yes, payload: payloads.feedback(true, slug) },
        { label: phrases.no, payload: payloads.feedback(false, slug) },
      ],
      articleId: article._id,
      confidence,
      ...(wording ? { wordedBy: wording.model } : {}),
    };
  }

  private titleOf(slug: string, locale: Locale): string {
    return this.deps.knowledge.article(slug, locale, this.deps.config.locales.default)?.title ?? slug;
  }

  private async escalate(turn: Turn, reason: 'customer_request' | 'complaint' | 'bot_could_not_answer', locale: Locale, say: (reply: Reply) => Promise<void>, intro: string): Promise<void> {
    const phrases = botPhrases[locale];
    const subject = turn.message.text || undefined;
    const escalation = await this.deps.handoff.escalate(turn.conversation, turn.customer, reason, { locale, ...(subject ? { subject } : {}) });
    if (!escalation) return;
    turn.conversation = escalation.conversation;
    const { opening, ticket, agentsAvailable } = escalation;
    const when = agentsAvailable
      ? phrases.agentsAvailable
      : !opening.open
        ? `${fill(phrases.agentsBack, { time: opening.nextOpenAt ? this.formatTime(opening.nextOpenAt, locale) : '' })} ${phrases.leaveContact}`
        : `${phrases.agentsBusy} ${phrases.leaveContact}`;
    await say({ text: `${intro ? `${intro}\n\n` : ''}${fill(phrases.handedOff, { number: ticket.number })} ${when}` });
  }

  /**
   * While the conversation waits for an agent, an e-mail address or phone number the
   * customer writes is kept on the ticket (and the customer) and acknowledged once, so
   * agents can call back out of hours.
   */
  private async takeContactDetails(turn: Turn, output?: Channel): Promise<void> {
    const { conversation, customer } = turn;
    const contact = findContactDetails(turn.message.text);
    if (!conversation.ticketId || (!contact.email && !contact.phone)) return;
    const ticket = await this.deps.tickets.get(conversation.ticketId);
    if (!ticket || ticket.status !== 'waiting') return;
    await this.deps.tickets.change(ticket._id, { $set: { contact: { ...ticket.contact, ...contact } } });
    await this.deps.customers.update(customer._id, contact);
    const locale = conversation.locale ?? this.deps.config.locales.default;
    const text = fill(botPhrases[locale].contactSaved, { contact: [contact.email, contact.phone].filter(Boolean).join(', ') });
    await this.reply(turn, { text, locale }, output);
  }

  /**
   * A complaint written while the conversation waits for an agent raises its ticket to the
   * complaint priority (never lowers it); `Handoff` tells the agents. The bot stays silent.
   */
  private async raiseOnComplaint(turn: Turn): Promise<void> {
    const { conversation, customer } = turn;
    if (!conversation.ticketId) return;
    const complaint = detectComplaint(turn.message.text);
    if (!complaint.complaint) return;
    await this.deps.handoff.raiseForComplaint(conversation.ticketId, customer, complaint.reasons);
  }

  /** Records "that answer did not help" against the customer's question that led to the bot's last answer. */
  private async logRejectedAnswer(conversationId: string, log: (outcome: QuestionOutcome, text: string) => Promise<unknown>): Promise<void> {
    const transcript = await this.deps.messages.transcript(conversationId);
    const answerAt = transcript.findLastIndex((line) => line.author.kind === 'bot' && line.articleId !== undefined);
    const question = transcript.slice(0, Math.max(answerAt, 0)).findLast((line) => line.author.kind === 'customer' && !line.payload);
    if (question) await log('rejected', question.text);
  }

  private formatTime(at: Date, locale: Locale): string {
    return new Intl.DateTimeFormat(localeTags[locale], { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: this.deps.config.timezone }).format(at);
  }
}
