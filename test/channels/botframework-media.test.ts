import { describe, expect, it } from 'vitest';
import type { BotFrameworkBot } from '../../src/channels/botframework/bot-framework-bot.js';
import { BotFrameworkChannel } from '../../src/channels/botframework/bot-framework-channel.js';
import type { OfferedChoices } from '../../src/channels/offered-choices.js';

/** The bot as far as media need it: its Bot Connector token (Microsoft's login service gives it; not reachable from tests). */
const botWithToken = (connectorToken: () => Promise<string | null>) => ({ connectorToken }) as unknown as BotFrameworkBot;
const channelOf = (bot: BotFrameworkBot) => new BotFrameworkChannel(bot, {} as OfferedChoices);
const inlineImage = { kind: 'image' as const, mediaId: 'https://smba.trafficmanager.net/apac/v3/attachments/0-cus-d7-e0ee4ec513aecf2e64124d1b11de2878/views/original' };

// Teams: inline images are fetched from the channel service "using the Bot's access token".
describe('Bot Framework media a customer sent', () => {
  it('are fetched from the channel service with the bot\'s token', async () => {
    await expect(channelOf(botWithToken(async () => 'bot-token')).mediaSource(inlineImage)).resolves.toEqual({ url: inlineImage.mediaId, headers: { authorization: 'Bearer bot-token' } });
  });

  it('are fetched without a token when the bot has no app id (the Emulator)', async () => {
    await expect(channelOf(botWithToken(async () => null)).mediaSource(inlineImage)).resolves.toEqual({ url: inlineImage.mediaId });
  });

  it('are unavailable for now (503), not gone, while no token can be had', async () => {
    const failing = channelOf(botWithToken(async () => Promise.reject(new Error('AADSTS7000215: Invalid client secret'))));
    await expect(failing.mediaSource(inlineImage)).rejects.toMatchObject({ status: 503, message: expect.stringContaining('AADSTS7000215') });
  });

  it('name nothing for an attachment that is not on the channel service', async () => {
    await expect(channelOf(botWithToken(async () => 'bot-token')).mediaSource({ kind: 'file', url: 'https://download.link' })).resolves.toBeNull();
  });
});
