import { ActivityTypes, type Activity, type ConversationReference } from 'botbuilder';
import { UnavailableError } from '../../core/app-error.js';
import type { Channel, MediaSource, SendReceipt } from '../../core/channel.js';
import type { Attachment, OutboundMessage, PlatformAddress } from '../../core/messages.js';
import { activityIdOf, externalUserIdOf, referenceOf } from './bot-framework-activity.js';
import type { BotFrameworkBot } from './bot-framework-bot.js';
import type { OfferedChoices } from '../offered-choices.js';
import { renderActivity } from './bot-framework-render.js';
import { sendErrorOf } from './bot-framework-send-error.js';

/**
 * The Bot Framework channel's sending side (Teams, Web Chat, the Emulator, …): every
 * message, the bot's answers included, is sent proactively into the stored conversation
 * reference (`continueConversationAsync`), so a message can be delivered any time later,
 * by any worker, without the customer's request still being open. A bot reply in the
 * customer's turn is sent as a reply to their activity (`replyToId`, threaded in Teams
 * channels); proactive messages (agent replies, surveys) are new messages.
 */
export class BotFrameworkChannel implements Channel {
  readonly id = 'botframework' as const;

  constructor(
    private readonly bot: BotFrameworkBot,
    private readonly offers: OfferedChoices,
  ) {}

  async send(address: PlatformAddress, message: OutboundMessage): Promise<SendReceipt> {
    const reference = referenceOf(address);
    // Remembered before sending, so a button pressed the instant it shows is recognised.
    await this.offers.offered(externalUserIdOf(reference.channelId!, reference.user!.id), message.buttons);
    const replyToId = message.inReplyTo ? activityIdOf(message.inReplyTo, reference) : undefined;
    const platformMessageId = await this.sendInto(reference, renderActivity(message, reference), replyToId);
    return platformMessageId ? { platformMessageId } : {};
  }

  /**
   * Where an attachment on the conversation's channel service (`mediaId`, its URL there: Teams
   * inline images, Emulator uploads) is fetched: with the bot's token when it has an app id.
   * Attachments elsewhere carry a plain `url` and need nothing from here.
   */
  async mediaSource(attachment: Attachment): Promise<MediaSource | null> {
    if (!attachment.mediaId || !/^https?:\/\//.test(attachment.mediaId)) return null;
    let token: string | null;
    try {
      token = await this.bot.connectorToken();
    } catch (error) {
      throw new UnavailableError(`The bot's Bot Framework token cannot be had now: ${(error as Error).message}`);
    }
    return { url: attachment.mediaId, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) };
  }

  async typing(address: PlatformAddress): Promise<void> {
    await this.sendInto(referenceOf(address), { type: ActivityTypes.Typing });
  }

  /** Sends one activity into the conversation, as a reply to `replyToId` or as a new message; resolves with the platform's id of it. */
  private async sendInto(reference: Partial<ConversationReference>, activity: Partial<Activity>, replyToId?: string): Promise<string | undefined> {
    let platformMessageId: string | undefined;
    try {
      await this.bot.continueConversation(reference, async (context) => {
        // The SDK makes every proactive send a reply to its own continuation activity, an id no client knows.
        context.onSendActivities(async (_context, activities, next) => {
          for (const sent of activities) {
            if (replyToId) sent.replyToId = replyToId;
            else delete sent.replyToId;
          }
          return next();
        });
        platformMessageId = (await context.sendActivity(activity))?.id || undefined;
      });
    } catch (error) {
      throw sendErrorOf(error);
    }
    return platformMessageId;
  }
}
