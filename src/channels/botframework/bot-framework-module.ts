import type { Config } from '../../config/config-schema.js';
import { enabledChannels } from '../../config/describe-config.js';
import type { ChannelModule } from '../channel-module.js';
import { OfferedChoices } from '../offered-choices.js';
import { botFrameworkRoutes } from './bot-framework-routes.js';

/** The start-up warning for a Bot Framework endpoint that accepts anyone, or null when it authenticates. */
export function botFrameworkWarning(config: Config): string | null {
  if (!enabledChannels(config).botframework || config.channels.botframework.appId) return null;
  return 'Bot Framework runs WITHOUT authentication (BOTFRAMEWORK_ENABLED=true and no MICROSOFT_APP_ID): anyone who reaches /api/messages can post as any user and make the bot call any URL. Use it only with the Bot Framework Emulator on your own machine; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD before exposing it.';
}

/**
 * Microsoft Bot Framework (Teams, Web Chat, the Emulator): on with BOTFRAMEWORK_ENABLED or a
 * MICROSOFT_APP_ID; its sender and the messaging endpoint `/api/messages`. botbuilder is
 * loaded only then (it takes about a second of CPU), and every botbuilder import stays in
 * this folder.
 */
export const botFrameworkModule: ChannelModule = {
  id: 'botframework',
  enabled: (config) => enabledChannels(config).botframework === true,
  async create({ config, store, logger, intents, inbox }) {
    const [{ BotFrameworkBot }, { BotFrameworkChannel }, { BotFrameworkInbox }] = await Promise.all([
      import('./bot-framework-bot.js'),
      import('./bot-framework-channel.js'),
      import('./bot-framework-inbox.js'),
    ]);
    const bot = new BotFrameworkBot(config.channels.botframework);
    // Teams shows suggested actions only as imBack: a pressed button comes back as its title.
    const offers = new OfferedChoices(store, 'botframework', { numbers: false });
    const warning = botFrameworkWarning(config);
    if (warning) logger.warn(warning);
    const messages = inbox('botframework');
    const router = botFrameworkRoutes(new BotFrameworkInbox({ bot, offers, inbox: messages, intents, config, logger }));
    return { channel: new BotFrameworkChannel(bot, offers), routes: [{ path: '/api/messages', body: 'raw', router }], idle: () => messages.idle(), warning };
  },
};
