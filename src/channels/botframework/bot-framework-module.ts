import type { ChannelModule } from '../channel-module.js';
import type { SettingsOf } from '../channel-settings.js';
import { botFrameworkSettings } from './bot-framework-settings.js';
import { OfferedChoices } from '../offered-choices.js';

/** The start-up warning for a Bot Framework endpoint that accepts anyone, or null when it authenticates. */
export function botFrameworkWarning(bot: SettingsOf<typeof botFrameworkSettings>): string | null {
  if (!botFrameworkModule.enabled(bot) || bot.appId) return null;
  return 'Bot Framework runs WITHOUT authentication (BOTFRAMEWORK_ENABLED=true and no MICROSOFT_APP_ID): anyone who reaches /api/messages can post as any user and make the bot call any URL. Use it only with the Bot Framework Emulator on your own machine; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD before exposing it.';
}

/**
 * Microsoft Bot Framework (Teams, Web Chat, the Emulator): on with BOTFRAMEWORK_ENABLED or a
 * MICROSOFT_APP_ID; its sender and the messaging endpoint `/api/messages`. botbuilder is
 * loaded only then (it takes about a second of CPU), and every botbuilder import stays in
 * this folder.
 */
export const botFrameworkModule: ChannelModule<typeof botFrameworkSettings> = {
  id: 'botframework',
  settings: botFrameworkSettings,
  enabled: (bot) => bot.enabled || Boolean(bot.appId),
  async create({ config, store, logger, intents, inbox, customerTyping }, settings) {
    const [{ BotFrameworkBot }, { BotFrameworkChannel }, { BotFrameworkInbox }, { botFrameworkRoutes }] = await Promise.all([
      import('./bot-framework-bot.js'),
      import('./bot-framework-channel.js'),
      import('./bot-framework-inbox.js'),
      import('./bot-framework-routes.js'),
    ]);
    const bot = new BotFrameworkBot(settings);
    // Teams shows suggested actions only as imBack: a pressed button comes back as its title.
    const offers = new OfferedChoices(store, 'botframework', { numbers: false });
    const warning = botFrameworkWarning(settings);
    if (warning) logger.warn(warning);
    const messages = inbox('botframework');
    const router = botFrameworkRoutes(new BotFrameworkInbox({ bot, offers, inbox: messages, intents, config, logger, typing: customerTyping }));
    return { channel: new BotFrameworkChannel(bot, offers), routes: [{ path: '/api/messages', body: 'raw', router }], idle: () => messages.idle(), warning };
  },
};
