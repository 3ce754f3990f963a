import { botFrameworkModule } from './botframework/bot-framework-module.js';
import type { ChannelModule } from './channel-module.js';
import { instagramModule } from './instagram/instagram-module.js';
import { messengerModule } from './messenger/messenger-module.js';
import { restModule } from './rest/rest-module.js';
import { telegramModule } from './telegram/telegram-module.js';
import { webchatModule } from './webchat/webchat-module.js';
import { whatsappModule } from './whatsapp/whatsapp-module.js';
import { zaloModule } from './zalo/zalo-module.js';

/**
 * Every channel Careline has, in the order they are built and mounted; their settings slices
 * make up `config.channels` (`careline-config.ts`). A new channel is its folder plus one line here.
 */
export const channelModules = [restModule, webchatModule, messengerModule, instagramModule, whatsappModule, zaloModule, botFrameworkModule, telegramModule] as const satisfies readonly ChannelModule[];
