import type { Channel } from '../core/channel.js';
import { isSilentMessage, type InboundMessage } from '../core/messages.js';
import type { Config } from '../config/config-schema.js';
import type { Locale } from '../core/locale.js';
import type { Conversation } from '../conversations/conversation.js';
import type { ConversationLog, RecordedInbound } from './conversation-log.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { Message } from '../conversations/message.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { MessageDispatcher, Reply } from '../outbox/message-dispatcher.js';
import type { PendingPromptCheck } from '../csat/csat-answers.js';
import type { Customer } from '../customers/customer.js';
import type { EventBus } from '../events/event-bus.js';
import type { Handoff } from '../handoff/handoff.js';
import type { WaitingMessages } from '../handoff/waiting-messages.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { IntentMatcher } from '../intents/intent-matcher.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { QuestionLog, QuestionOutcome } from '../knowledge/question-log.js';
import type { Decision, DecisionMaker } from './answer-policy.js';
import { BotActions } from './bot-actions.js';
import { botPhrases, fill } from './bot-phrases.js';
import { KeyedQueue } from '../core/keyed-queue.js';
import { detectLanguage } from '../knowledge/language/detect-language.js';

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
  /** What a message does while the conversation waits for an agent. */
  waiting: WaitingMessages;
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
  private readonly actions: BotActions;

  constructor(private readonly deps: EngineDeps) {
    this.actions = new BotActions(deps);
  }

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

  /** Resolves when no turn is queued or running (for shutdown and tests); true when it had to wait. */
  async idle(): Promise<boolean> {
    let waited = false;
    while (this.scheduled.size > 0) {
      waited = true;
      await Promise.allSettled([...this.scheduled.values()]);
    }
    return waited;
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

  /** The bot's turn on one stored message: silent while agents have the conversation, else decide and act. */
  private async turn(recorded: RecordedInbound, output?: Channel): Promise<Turn> {
    const { customer, message } = recorded;
    const turn: Turn = { conversation: recorded.conversation, customer, message, duplicate: false, replies: [] };
    this.deps.events.emit('message.received', { conversation: recorded.conversation, message });
    // A reaction or a notice is kept where it arrived, and never reopens a resolved conversation.
    if (isSilentMessage(message)) return turn;
    if (turn.conversation.state === 'resolved' || turn.conversation.state === 'closed') {
      // Written to a resolved conversation whose survey is open: the rating stays there; anything else starts anew.
      if (await this.answeredSurvey(turn, output)) return turn;
      Object.assign(turn, await this.deps.log.reopen(turn));
    }
    const { conversation } = turn;
    if (wordless(turn.message)) return this.withoutWords(turn, output);
    if (conversation.state === 'waiting') await this.whileWaiting(turn, output);
    // With the bot too, an e-mail or phone the customer gives is kept on their record.
    else if (conversation.state === 'bot' && message.text) await this.deps.waiting.keepContactDetails(conversation, turn.customer, message.text);
    if (conversation.state !== 'bot' || (await this.answeredSurvey(turn, output))) return turn;

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
    const result = await this.actions.perform({ turn, decision, locale, say, logQuestion: questionRecorder(this.deps.questions, turn, decision) });
    if (!('escalated' in result)) await this.remember(turn, locale, result.missCount);
    return turn;
  }

  /**
   * A message with no words (a photo, sticker, voice message, location, contact card, reaction
   * or notice): kept in the transcript for the agents. With the bot, media get a short reply
   * offering a person; reactions and notices are never answered. None of it is a question:
   * no miss, nothing in the question log.
   */
  private async withoutWords(turn: Turn, output?: Channel): Promise<Turn> {
    const { conversation, message } = turn;
    if (conversation.state !== 'bot') return turn;
    const { supported, default: defaultLocale } = this.deps.config.locales;
    const locale = detectLanguage('', { supported, defaultLocale, ...(message.localeHint ? { hint: message.localeHint } : {}), ...(conversation.locale ? { conversationLocale: conversation.locale } : {}) }).locale;
    await this.reply(turn, { text: botPhrases[locale].wordsOnly, kind: 'choices', buttons: [this.actions.personButton(locale)], locale }, output);
    return turn;
  }

  /** While the conversation waits for an agent: contact details are kept (and acknowledged), a complaint raises the ticket, a burst of messages hears once that it is kept. */
  private async whileWaiting(turn: Turn, output?: Channel): Promise<void> {
    const said = await this.deps.waiting.take(turn.conversation, turn.customer, turn.message);
    if (!said) return;
    const locale = turn.conversation.locale ?? this.deps.config.locales.default;
    const phrases = botPhrases[locale];
    const text = said.kind === 'contact' ? fill(phrases.contactSaved, { contact: [said.contact.email, said.contact.phone].filter(Boolean).join(', ') }) : fill(phrases.messageKept, { number: String(said.ticketNumber) });
    await this.reply(turn, { text, locale }, output);
  }

  /** Keeps the conversation's language and miss count; only a change is worth a write. */
  private async remember(turn: Turn, locale: Locale, missCount: number): Promise<void> {
    const { conversation } = turn;
    if (conversation.locale === locale && conversation.missCount === missCount) return;
    const updated = await this.deps.conversations.transition(conversation._id, { state: 'bot' }, { $set: { locale, missCount, updatedAt: new Date() } });
    if (updated) turn.conversation = updated;
  }

  /** Lets an open survey take the message; true when it did (and replied). */
  private async answeredSurvey(turn: Turn, output?: Channel): Promise<boolean> {
    const replies = await this.deps.surveys?.claim({ conversation: turn.conversation, customer: turn.customer, message: turn.message });
    if (!replies) return false;
    for (const reply of replies) await this.reply(turn, reply, output);
    return true;
  }

  /** Says `reply` in the turn, under an id derived from the customer's message (a repeated turn stores it once), as a reply to it. */
  private async reply(turn: Turn, reply: Reply, output?: Channel): Promise<void> {
    const id = `${turn.message._id}.r${turn.replies.length + 1}`;
    const inReplyTo = turn.message.platformMessageId;
    turn.replies.push(await this.deps.dispatcher.deliver(turn.conversation, { kind: 'bot' }, { ...reply, id, ...(inReplyTo ? { inReplyTo } : {}) }, output, { waitForFirstTry: true }));
  }
}

/** Whether a message has nothing to read: no text, no button pressed, only attachments. */
function wordless(message: Message): boolean {
  return !message.text.trim() && !message.payload && (message.attachments?.length ?? 0) > 0;
}

/** Logs the turn's question (or another text of the customer's) for editors, with the decision's candidates. */
function questionRecorder(questions: QuestionLog, turn: Turn, decision: Decision) {
  const { conversation, customer, message } = turn;
  return (outcome: QuestionOutcome, text: string = message.text) =>
    questions.record({
      text,
      outcome,
      locale: decision.language.locale,
      channel: conversation.channel,
      conversationId: conversation._id,
      customerId: customer._id,
      candidates: decision.candidates.map(({ slug, confidence }) => ({ slug, confidence })),
    });
}
