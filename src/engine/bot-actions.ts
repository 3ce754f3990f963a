import type { WaitingMessages } from '../handoff/waiting-messages.js';
import type { Config } from '../config/config-schema.js';
import { localeTags, type Locale } from '../core/locale.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { Handoff } from '../handoff/handoff.js';
import type { IntentMatcher } from '../intents/intent-matcher.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { QuestionOutcome } from '../knowledge/question-log.js';
import type { Reply } from '../outbox/message-dispatcher.js';
import { payloads, type Action, type Decision } from './answer-policy.js';
import { botPhrases, fill } from './bot-phrases.js';
import type { Turn } from './conversation-engine.js';

/** One decided message, with how to reply in it and how to log its question for editors. */
export interface DecidedTurn {
  turn: Turn;
  decision: Decision;
  locale: Locale;
  say(reply: Reply): Promise<void>;
  logQuestion(outcome: QuestionOutcome, text?: string): Promise<unknown>;
}

/** What an action leaves for the conversation: its new miss count, or a hand-off (nothing more to keep). */
export type ActionResult = { missCount: number } | { escalated: true };

export interface BotActionDeps {
  config: Pick<Config, 'answers' | 'locales' | 'timezone'>;
  knowledge: KnowledgeBase;
  intents: IntentMatcher;
  handoff: Handoff;
  /** Keeps the contact details and order code of the message that asked for a person on its ticket. */
  waiting: Pick<WaitingMessages, 'keepContactDetails'>;
  messages: MessageRepository;
  events: EventBus;
  /** The public page of an article, linked under answers. */
  articleUrl: (slug: string, locale: Locale) => string;
}

type Of<K extends Action['kind']> = Extract<Action, { kind: K }>;

/**
 * What the bot says and does for each kind of decision (small talk, feedback on an answer,
 * an answer, a clarification, "don't know", a hand-off): one small method each, used by the
 * engine's turn once the answer policy has decided.
 */
export class BotActions {
  private responses = 0;

  constructor(private readonly deps: BotActionDeps) {}

  perform(decided: DecidedTurn): Promise<ActionResult> {
    const action = decided.decision.action;
    switch (action.kind) {
      case 'smalltalk':
        return this.smalltalk(decided, action);
      case 'feedback':
        return this.feedback(decided, action);
      case 'answer':
        return this.answer(decided, action);
      case 'clarify':
        return this.clarify(decided, action);
      case 'miss':
        return this.miss(decided);
      case 'handoff':
        return this.handoff(decided, action);
      case 'help':
        return this.help(decided);
    }
  }

  private async smalltalk(decided: DecidedTurn, action: Of<'smalltalk'>): Promise<ActionResult> {
    const { turn, locale, say } = decided;
    const text = this.response(action.intent, locale);
    if (action.intent === 'deny') {
      await say({ text, buttons: [this.personButton(locale)] });
      await this.logRejectedAnswer(decided);
    } else await say({ text });
    if (action.intent === 'thanks' || action.intent === 'goodbye') this.deps.events.emit('customer.thanked', { conversation: turn.conversation, message: turn.message, intent: action.intent });
    return { missCount: 0 };
  }

  /** A help command: how to ask, as a reply of the conversation (through the outbox like every other). */
  private async help(decided: DecidedTurn): Promise<ActionResult> {
    await decided.say({ text: botPhrases[decided.locale].commandHelp });
    return { missCount: 0 };
  }

  private async feedback(decided: DecidedTurn, action: Of<'feedback'>): Promise<ActionResult> {
    const { locale, say } = decided;
    const text = this.response(action.helpful ? 'affirm' : 'deny', locale);
    if (action.helpful) await say({ text });
    else {
      await say({ text, buttons: [this.personButton(locale)] });
      await this.logRejectedAnswer(decided);
    }
    return { missCount: 0 };
  }

  private async answer(decided: DecidedTurn, action: Of<'answer'>): Promise<ActionResult> {
    const { turn, decision, locale, say } = decided;
    const wording = decision.wording?.slug === action.slug ? decision.wording : undefined;
    const reply = this.answerReply(action.slug, locale, action.confidence, wording);
    // The article went away between the decision and the reply (an editor unpublished it).
    if (!reply) return this.dontKnow(decided);
    await say(reply);
    this.deps.events.emit('bot.answered', { conversation: turn.conversation, message: turn.replies.at(-1)!, articleSlug: action.slug });
    return { missCount: 0 };
  }

  private async clarify(decided: DecidedTurn, action: Of<'clarify'>): Promise<ActionResult> {
    const { locale, say } = decided;
    await decided.logQuestion('weak');
    const phrases = botPhrases[locale];
    const buttons = action.candidates.map((candidate) => ({ label: this.titleOf(candidate.slug, locale).slice(0, 80), payload: payloads.article(candidate.slug) }));
    await say({ kind: 'choices', text: action.weak ? phrases.weak : phrases.clarify, buttons: [...buttons, this.personButton(locale)] });
    return { missCount: 0 };
  }

  private async miss(decided: DecidedTurn): Promise<ActionResult> {
    await decided.logQuestion('missed');
    const tooManyMisses = decided.turn.conversation.missCount + 1 >= this.deps.config.answers.missesBeforeHandoff;
    if (!tooManyMisses) return this.dontKnow(decided);
    await this.escalate(decided, 'bot_could_not_answer', '');
    return { escalated: true };
  }

  private async handoff(decided: DecidedTurn, action: Of<'handoff'>): Promise<ActionResult> {
    const { decision, locale } = decided;
    // Asked for a person or complained: handed off on purpose, not a question the knowledge base missed (not logged for content gaps).
    // Words that asked for a person or complained get the intent's response (an apology for a complaint); a pressed button does not.
    const worded = decision.escalation !== undefined || (decision.intent !== null && ['human', 'complaint'].includes(decision.intent.intent));
    const intro = worded ? this.response(action.reason === 'complaint' ? 'complaint' : 'human', locale) : '';
    await this.escalate(decided, action.reason, intro);
    return { escalated: true };
  }

  /** "Sorry, I couldn't find an answer", with a person offered; counts as a miss. */
  private async dontKnow({ turn, locale, say }: DecidedTurn): Promise<ActionResult> {
    await say({ text: botPhrases[locale].miss, buttons: [this.personButton(locale)] });
    return { missCount: turn.conversation.missCount + 1 };
  }

  private async escalate(decided: DecidedTurn, reason: 'customer_request' | 'complaint' | 'bot_could_not_answer', intro: string): Promise<void> {
    const { turn, locale, say } = decided;
    const phrases = botPhrases[locale];
    const subject = turn.message.text || undefined;
    const escalation = await this.deps.handoff.escalate(turn.conversation, turn.customer, reason, { locale, ...(subject ? { subject } : {}) });
    if (!escalation) return;
    turn.conversation = escalation.conversation;
    const { opening, ticket, agentsAvailable } = escalation;
    // "sdt em 0903 123 456, cho gặp nhân viên": kept on the ticket, and not asked for again.
    const kept = await this.deps.waiting.keepContactDetails(turn.conversation, turn.customer, turn.message.text);
    const contact = [kept?.email, kept?.phone].filter(Boolean).join(', ');
    const leaveContact = contact ? fill(phrases.contactSaved, { contact }) : phrases.leaveContact;
    const when = agentsAvailable
      ? phrases.agentsAvailable
      : !opening.open
        ? `${fill(phrases.agentsBack, { time: opening.nextOpenAt ? this.formatTime(opening.nextOpenAt, locale) : '' })} ${leaveContact}`
        : `${phrases.agentsBusy} ${leaveContact}`;
    await say({ text: `${intro ? `${intro}\n\n` : ''}${fill(phrases.handedOff, { number: ticket.number })} ${when}` });
  }

  /** The article's answer (or the model's wording of it, in the customer's language) under its title and link. */
  private answerReply(slug: string, locale: Locale, confidence: number, wording?: { text: string; model: string }): Reply | null {
    const article = this.deps.knowledge.article(slug, locale, this.deps.config.locales.default);
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

  personButton(locale: Locale) {
    return { label: botPhrases[locale].talkToHuman, payload: payloads.handoff };
  }

  /** An intent's response, rotating through its variants. */
  private response(intent: Parameters<IntentMatcher['response']>[0], locale: Locale): string {
    return this.deps.intents.response(intent, locale, this.responses++);
  }

  /** Records "that answer did not help" against the customer's question that led to the bot's last answer. */
  private async logRejectedAnswer({ turn, logQuestion }: DecidedTurn): Promise<void> {
    const transcript = await this.deps.messages.transcript(turn.conversation._id);
    const answerAt = transcript.findLastIndex((line) => line.author.kind === 'bot' && line.articleId !== undefined);
    const question = transcript.slice(0, Math.max(answerAt, 0)).findLast((line) => line.author.kind === 'customer' && !line.payload);
    if (question) await logQuestion('rejected', question.text);
  }

  private formatTime(at: Date, locale: Locale): string {
    return new Intl.DateTimeFormat(localeTags[locale], { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: this.deps.config.timezone }).format(at);
  }
}
