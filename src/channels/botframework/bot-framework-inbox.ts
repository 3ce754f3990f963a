import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Config, Locale } from '../../config/config-schema.js';
import type { ChannelInbox } from '../channel-inbox.js';
import { UnauthorizedError, UnavailableError } from '../../core/app-error.js';
import { validate } from '../../http/validate.js';
import type { IntentMatcher } from '../../intents/intent-matcher.js';
import type { Attachment, InboundMessage } from '../../core/messages.js';
import { addressOf, asSdkActivity, customerTextOf, externalUserIdOf, inboundActivitySchema, platformMessageIdOf, type InboundActivity } from './bot-framework-activity.js';
import { attachmentsOf, reactionsOf, submittedContentOf, type SubmittedContent } from './bot-framework-content.js';
import type { BotFrameworkBot } from './bot-framework-bot.js';
import type { OfferedChoices } from '../offered-choices.js';
import type { TypingSignal } from '../../handoff/customer-typing.js';

export interface BotFrameworkInboxDeps {
  bot: BotFrameworkBot;
  offers: OfferedChoices;
  inbox: ChannelInbox;
  intents: IntentMatcher;
  config: Pick<Config, 'locales'>;
  logger: Logger;
  /** The customer is typing (a `typing` activity): passed to the agents' consoles. */
  typing?: (signal: TypingSignal) => Promise<void>;
  /** How long the webhook waits for the bot's turn before acknowledging anyway (the channel gives up at 15 s). */
  answerWithinMs?: number;
}

/** What the webhook answers the channel. */
export interface BotFrameworkResponse {
  status: number;
  body?: unknown;
}

/** What one activity gives the engine. */
type Content = SubmittedContent & { attachments: Attachment[] };

const adaptiveCardAction = 'adaptiveCard/action';
/** `value` of an `adaptiveCard/action` invoke: https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview */
const adaptiveCardActionSchema = z.looseObject({
  action: z.looseObject({ type: z.string().optional(), verb: z.string().max(256).optional(), title: z.string().max(256).optional(), data: z.unknown().optional() }),
  trigger: z.string().optional(),
});

function supportedLocale(tag: string | undefined, config: Pick<Config, 'locales'>): Locale {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return config.locales.supported.find((locale) => locale === base) ?? config.locales.default;
}

/** A token that failed to verify is 401; keys that could not be fetched are our outage (503), and the channel retries. */
function authenticationFailure(error: unknown): Error {
  const status = (error as { statusCode?: unknown }).statusCode;
  const unavailable = (typeof status === 'number' && status >= 500) || (error as Error).name === 'FetchError';
  return unavailable ? new UnavailableError('The Bot Framework signing keys cannot be fetched now.') : new UnauthorizedError('The Bot Framework token is missing or invalid.');
}

/**
 * The Bot Framework webhook's logic (`POST /api/messages`): parses the activity, verifies
 * its token (when an app id is configured), then runs the turn: a message (text, a card
 * submit, attachments) or a reaction goes to the engine (stored before the channel is
 * answered) with its conversation reference as the address; an invoke is answered 200; a
 * conversation the customer just joined gets a welcome. A message is acknowledged as soon
 * as the engine has answered, or after `answerWithinMs` at the latest while slow work goes
 * on; an invoke (Teams waits 5 s for it) once the submit is stored.
 */
export class BotFrameworkInbox {
  constructor(private readonly deps: BotFrameworkInboxDeps) {}

  async receive(body: unknown, authHeader: string): Promise<BotFrameworkResponse> {
    const activity = validate(inboundActivitySchema, body, 'body');
    const auth = await this.deps.bot.authenticate(asSdkActivity(activity), authHeader).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, channelId: activity.channelId }, 'Bot Framework request rejected: its token did not verify');
      throw authenticationFailure(error);
    });
    const result = await this.deps.bot.runTurn(auth, asSdkActivity(activity), (context) => this.turn(activity, context));
    return { status: result?.status ?? 200, ...(result?.body !== undefined ? { body: result.body } : {}) };
  }

  /**
   * One activity's turn: messages, card submits and reactions go to the engine; an invoke is
   * answered 200 (Teams shows an error for anything else); a customer joining is welcomed;
   * typing is shown to the agent. Installation updates, end of conversation, events and
   * message edits need nothing.
   */
  private async turn(activity: InboundActivity, context: TurnContext): Promise<void> {
    if (activity.type === 'message') await this.message(activity, this.messageContent(activity));
    else if (activity.type === 'messageReaction') await this.message(activity, { text: '', attachments: reactionsOf(activity.reactionsAdded, activity.reactionsRemoved, activity.replyToId) }, { waitForTurn: false });
    else if (activity.type === 'invoke') await this.invoke(activity, context);
    else if (activity.type === 'conversationUpdate') await this.welcome(activity, context);
    else if (activity.type === 'typing') await this.deps.typing?.({ channel: 'botframework', externalUserId: externalUserIdOf(activity.channelId, activity.from.id) });
  }

  /** What a message says: its text (or, for a card submit, the submitted values) and its attachments. */
  private messageContent(activity: InboundActivity): Content {
    const text = customerTextOf(activity);
    const submitted = submittedContentOf(activity.value);
    return { text: text || submitted.text, ...(submitted.payload ? { payload: submitted.payload } : {}), attachments: attachmentsOf(activity.attachments, { url: activity.serviceUrl, verified: this.deps.bot.authenticated }) };
  }

  /**
   * Answers an invoke with 200. `adaptiveCard/action` (an `Action.Execute` pressed) is read
   * like a card submit and answered with a short message in place of the card; an automatic
   * refresh is not the customer's doing and is only answered. Other invokes (message
   * extensions, task modules, sign-in, configuration) are features Careline does not offer.
   */
  private async invoke(activity: InboundActivity, context: TurnContext): Promise<void> {
    const action = adaptiveCardActionSchema.safeParse(activity.value);
    if (activity.name === adaptiveCardAction && action.success && action.data.trigger !== 'automatic') {
      const submitted = submittedContentOf(action.data.action.data);
      const text = submitted.text || action.data.action.title || action.data.action.verb || '';
      // Stored before Teams is answered; the bot's reply follows in the chat.
      await this.message(activity, { ...submitted, text, attachments: [] }, { waitForTurn: false });
    }
    const body = activity.name === adaptiveCardAction ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '✓' } : undefined;
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, ...(body ? { body } : {}) } });
  }

  private async message(activity: InboundActivity, content: Content, { waitForTurn = true } = {}): Promise<void> {
    const inbound = await this.inboundOf(activity, content);
    if (!inbound) {
      this.deps.logger.info({ channelId: activity.channelId, type: activity.type }, 'Bot Framework activity without text, values or attachments: nothing to keep');
      return;
    }
    // Stored before the channel is answered; the turn is awaited only up to answerWithinMs.
    const { turn } = await this.deps.inbox.accept(inbound);
    if (!waitForTurn) return;
    // A failed turn is logged by the inbox; the answer waits for neither outcome longer.
    await Promise.race([turn.then(() => true, () => false), new Promise<false>((resolve) => setTimeout(resolve, this.deps.answerWithinMs ?? 10_000, false).unref())]);
  }

  private async inboundOf(activity: InboundActivity, content: Content): Promise<InboundMessage | null> {
    const { text, attachments } = content;
    const externalUserId = externalUserIdOf(activity.channelId, activity.from.id);
    const payload = content.payload ?? (await this.deps.offers.payloadFor(externalUserId, text));
    if (!text && !payload && attachments.length === 0) return null;
    const platformMessageId = platformMessageIdOf(activity);
    return {
      channel: 'botframework',
      externalUserId,
      text,
      address: addressOf(activity),
      receivedAt: new Date(),
      ...(attachments.length > 0 ? { attachments } : {}),
      ...(activity.from.name ? { displayName: activity.from.name.slice(0, 200) } : {}),
      ...(payload ? { payload } : {}),
      ...(platformMessageId ? { platformMessageId } : {}),
      ...(activity.locale ? { localeHint: activity.locale.slice(0, 35) } : {}),
    };
  }

  /** Welcomes a customer who joined a one-to-one conversation (not the bot joining, not group chats). */
  private async welcome(activity: InboundActivity, context: TurnContext): Promise<void> {
    const joined = (activity.membersAdded ?? []).filter((member) => member.id !== activity.recipient.id);
    if (joined.length === 0 || activity.conversation.isGroup) return;
    const locale = supportedLocale(activity.locale, this.deps.config);
    await context.sendActivity({ type: 'message', text: this.deps.intents.response('greeting', locale) });
  }
}
