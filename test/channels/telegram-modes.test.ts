import { afterEach, describe, expect, it } from 'vitest';
import { fixture, janaChat, startTelegramWorld, textFrom, type TelegramWorld } from './telegram-world.js';

const groupChat = -1002233445566;

describe('the Telegram channel', () => {
  let world: TelegramWorld;
  afterEach(async () => {
    await world.close();
  });

  describe('with no PUBLIC_URL (long polling)', () => {
    it('removes any webhook, polls for updates and answers them', async () => {
      world = await startTelegramWorld({}, 'polling');
      expect(world.fake.callsOf('deleteWebhook')).toHaveLength(1);
      expect(world.fake.callsOf('setWebhook')).toHaveLength(0);
      world.fake.queueUpdate(textFrom('How much does delivery cost?'));
      await world.fake.waitFor(() => world.fake.sentTo(janaChat).length === 1);
      expect(world.fake.sentTo(janaChat)[0]!.text).toContain('How much does delivery cost?');
      // The next poll confirms the update, so it is not delivered again.
      await world.fake.waitFor(() => world.fake.callsOf('getUpdates').some((call) => Number(call.body.offset) > 900_000));
    });
  });

  describe('in a group chat', () => {
    it('answers only a mention of the bot or a reply to it, in the group', async () => {
      world = await startTelegramWorld();
      await world.post(fixture('group-plain'));
      expect(world.fake.sentTo(groupChat)).toHaveLength(0);
      await world.post(fixture('group-mention'));
      expect(world.fake.sentTo(groupChat)).toHaveLength(1);
      expect(world.fake.sentTo(groupChat)[0]!.text).toContain('How much does delivery cost?');
      await world.post(fixture('group-reply-to-bot'));
      expect(world.fake.sentTo(groupChat)).toHaveLength(2);
      // The customer is the person, not the group.
      expect(await world.app.services.customers.findByIdentity('telegram', '6001112223')).toMatchObject({ displayName: 'Minh Trần' });
    });

    it('ignores groups altogether with TELEGRAM_GROUPS=ignore', async () => {
      world = await startTelegramWorld({ TELEGRAM_GROUPS: 'ignore' });
      await world.post(fixture('group-mention'));
      await world.post(fixture('group-reply-to-bot'));
      expect(world.fake.sentTo(groupChat)).toHaveLength(0);
    });
  });
});
