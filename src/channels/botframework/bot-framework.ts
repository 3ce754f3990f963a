import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/config-schema.js';
import { enabledChannels } from '../../config/describe-config.js';
import type { ConversationEngine } from '../../engine/conversation-engine.js';
import type { IntentMatcher } from '../../intents/intent-matcher.js';
import type { DocumentStore } from '../../storage/document-store.js';
import type { BotFrameworkChannel } from './bot-framework-channel.js';
import { botFrameworkRoutes } from './bot-framework-routes.js';

/** The start-up warning for a Bot Framework endpoint that accepts anyone, or null when it authenticates. */
export function botFrameworkWarning(config: Config): string | null {
  if (!enabledChannels(config).botframework || config.channels.botframework.appId) return null;
  return 'Bot Framework runs WITHOUT authentication (BOTFRAMEWORK_ENABLED=true and no MICROSOFT_APP_ID): anyone who reaches /api/messages can post as any user and make the bot call any URL. Use it only with the Bot Framework Emulator on your own machine; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD before exposing it.';
}

/** The Bot Framework channel's two sides, as the composition root wires them. */
export interface BotFramework {
  channel: BotFrameworkChannel;
  /** The messaging endpoint (`/api/messages`), once the engine exists (it needs the channel registered first). */
  webhook: (engine: ConversationEngine) => { path: string; router: Router };
}

/**
 * Builds the Bot Framework channel (its sender for the registry, its webhook for the app)
 * when the configuration enables it, or resolves null. botbuilder is loaded only then (it
 * takes about a second of CPU), and every botbuilder import stays in this folder.
 */
export async function createBotFramework(deps: { config: Config; store: DocumentStore; logger: Logger; intents: IntentMatcher }): Promise<BotFramework | null> {
  if (!enabledChannels(deps.config).botframework) return null;
  const [{ BotFrameworkBot }, { BotFrameworkChannel }, { BotFrameworkInbox }, { BotFrameworkOffers }] = await Promise.all([
    import('./bot-framework-bot.js'),
    import('./bot-framework-channel.js'),
    import('./bot-framework-inbox.js'),
    import('./bot-framework-offers.js'),
  ]);
  const bot = new BotFrameworkBot(deps.config.channels.botframework);
  const offers = new BotFrameworkOffers(deps.store);
  const warning = botFrameworkWarning(deps.config);
  if (warning) deps.logger.warn(warning);
  return {
    channel: new BotFrameworkChannel(bot, offers),
    webhook: (engine) => ({ path: '/api/messages', router: botFrameworkRoutes(new BotFrameworkInbox({ bot, offers, engine, intents: deps.intents, config: deps.config, logger: deps.logger })) }),
  };
}
