import { ActivityTypes } from 'botbuilder';
import type { Channel, SendReceipt } from '../../core/channel.js';
import type { OutboundMessage, PlatformAddress } from '../../core/messages.js';
import { externalUserIdOf, referenceOf } from './bot-framework-activity.js';
import type { BotFrameworkBot } from './bot-framework-bot.js';
import type { OfferedChoices } from '../offered-choices.js';
import { renderActivity } from './bot-framework-render.js';
import { sendErrorOf } from './bot-framework-send-error.js';

/**
 * The Bot Framework channel's sending side (Teams, Web Chat, the Emulator, …): every
 * message, the bot's answers included, is sent proactively into the stored conversation
 * reference (`continueConversationAsync`), so a message can be delivered any time later,
 * by any worker, without the customer's request still being open.
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
    let platformMessageId: string | undefined;
    try {
      await this.bot.continueConversation(reference, async (context) => {
        platformMessageId = (await context.sendActivity(renderActivity(message, reference)))?.id || undefined;
      });
    } catch (error) {
      throw sendErrorOf(error);
    }
    return platformMessageId ? { platformMessageId } : {};
  }

  async typing(address: PlatformAddress): Promise<void> {
    const reference = referenceOf(address);
    try {
      await this.bot.continueConversation(reference, async (context) => {
        await context.sendActivity({ type: ActivityTypes.Typing });
      });
    } catch (error) {
      throw sendErrorOf(error);
    }
  }
}
