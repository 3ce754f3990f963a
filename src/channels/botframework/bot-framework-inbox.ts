import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config, Locale } from '../../config/config-schema.js';
import type { ChannelInbox } from '../channel-inbox.js';
import { UnauthorizedError, UnavailableError } from '../../core/app-error.js';
import { validate } from '../../http/validate.js';
import type { IntentMatcher } from '../../intents/intent-matcher.js';
import type { InboundMessage } from '../../core/messages.js';
import { addressOf, asSdkActivity, customerTextOf, externalUserIdOf, inboundActivitySchema, platformMessageIdOf, valuePayloadOf, type InboundActivity } from './bot-framework-activity.js';
import type { BotFrameworkBot } from './bot-framework-bot.js';
import type { OfferedChoices } from '../offered-choices.js';

export interface BotFrameworkInboxDeps {
  bot: BotFrameworkBot;
  offers: OfferedChoices;
  inbox: ChannelInbox;
  intents: IntentMatcher;
  config: Pick<Config, 'locales'>;
  logger: Logger;
  /** How long the webhook waits for the bot's turn before acknowledging anyway (the channel gives up at 15 s). */
  answerWithinMs?: number;
}

/** What the webhook answers the channel. */
export interface BotFrameworkResponse {
  status: number;
  body?: unknown;
}

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
 * its token (when an app id is configured), then runs the turn: a message goes to the
 * engine (stored before the channel is answered) with its conversation reference as the address; a conversation the customer just
 * joined gets a welcome. The channel is acknowledged as soon as the engine has answered, or
 * after `answerWithinMs` at the latest while slow work goes on.
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

  private async turn(activity: InboundActivity, context: TurnContext): Promise<void> {
    if (activity.type === 'message') await this.message(activity);
    else if (activity.type === 'conversationUpdate') await this.welcome(activity, context);
  }

  private async message(activity: InboundActivity): Promise<void> {
    const inbound = await this.inboundOf(activity);
    if (!inbound) return;
    // Stored before the channel is answered; the turn is awaited only up to answerWithinMs.
    const { turn } = await this.deps.inbox.accept(inbound);
    // A failed turn is logged by the inbox; the answer waits for neither outcome longer.
    await Promise.race([turn.then(() => true, () => false), new Promise<false>((resolve) => setTimeout(resolve, this.deps.answerWithinMs ?? 10_000, false).unref())]);
  }

  private async inboundOf(activity: InboundActivity): Promise<InboundMessage | null> {
    const text = customerTextOf(activity);
    const externalUserId = externalUserIdOf(activity.channelId, activity.from.id);
    const payload = valuePayloadOf(activity) ?? (await this.deps.offers.payloadFor(externalUserId, text));
    // Attachments without text (a picture, a file) are not understood yet.
    if (!text && !payload) return null;
    const platformMessageId = platformMessageIdOf(activity);
    return {
      channel: 'botframework',
      externalUserId,
      text,
      address: addressOf(activity),
      receivedAt: new Date(),
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
