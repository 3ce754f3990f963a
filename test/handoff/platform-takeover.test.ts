import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

// A person at the shop answers from the Facebook Page inbox: the bot must not talk over them.
describe('a person answering from the platform\'s own app', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', PLATFORM_REPLY_QUIET_MINUTES: '30' });
  });
  afterAll(() => world.close());
  const echo = (id: string, text: string, at = new Date()) => world.careline.takeover.humanReplied({ channel: 'messenger', externalUserId: 'psid-1', text, platformMessageId: id, at, name: 'Page inbox' });

  it('silences the bot from the first human reply, keeps that reply in the transcript once, and lets the bot answer again after the quiet time', async () => {
    const first = await world.say('psid-1', 'phí giao hàng bao nhiêu?', { channel: 'messenger' });
    expect(first.texts.length).toBeGreaterThan(0);
    const at = new Date();
    expect(await echo('m_echo_1', 'Chào chị, em là Hoa ở cửa hàng, em kiểm tra đơn giúp chị nhé', at)).toBe(true);
    expect(await echo('m_echo_1', 'Chào chị, em là Hoa ở cửa hàng, em kiểm tra đơn giúp chị nhé', at)).toBe(true);
    const conversation = (await world.careline.services.conversations.get(first.conversation._id))!;
    expect(conversation).toMatchObject({ state: 'with_agent', ownerId: 'platform:messenger' });
    const transcript = await world.careline.services.messages.transcript(conversation._id);
    expect(transcript.filter((message) => message.author.name === 'Page inbox').map((message) => message.text)).toEqual(['Chào chị, em là Hoa ở cửa hàng, em kiểm tra đơn giúp chị nhé']);

    const meanwhile = await world.say('psid-1', 'dạ vâng, cảm ơn em', { channel: 'messenger' });
    expect(meanwhile.texts).toEqual([]);

    // Not quiet long enough: still the person's.
    await world.careline.jobRunner.runDue(new Date(at.getTime() + 29 * 60_000));
    expect((await world.say('psid-1', 'bảo hành bao lâu?', { channel: 'messenger' })).texts).toEqual([]);
    await world.careline.jobRunner.runDue(new Date(at.getTime() + 31 * 60_000));
    expect((await world.careline.services.conversations.get(conversation._id))!.state).toBe('bot');
    expect((await world.say('psid-1', 'bảo hành bao lâu?', { channel: 'messenger' })).texts.join('\n')).toMatch(/bảo hành/i);
  });

  it('lets any agent hand the conversation back to the bot from the console', async () => {
    const start = await world.say('psid-2', 'xin chào', { channel: 'messenger' });
    await world.careline.takeover.humanReplied({ channel: 'messenger', externalUserId: 'psid-2', text: 'Dạ em đây ạ', platformMessageId: 'm_echo_2', at: new Date(), name: 'Page inbox' });
    const agent = { _id: 'usr_any_agent', roles: ['agent'] } as unknown as Parameters<typeof world.careline.desk.handBack>[1];
    const back = await world.careline.desk.handBack(start.conversation._id, agent);
    expect(back).toMatchObject({ state: 'bot', ownerId: null });
    expect((await world.say('psid-2', 'phí giao hàng bao nhiêu?', { channel: 'messenger' })).texts.length).toBeGreaterThan(0);
  });

  it('ignores an echo for a customer Careline has never seen', async () => {
    expect(await world.careline.takeover.humanReplied({ channel: 'messenger', externalUserId: 'psid-unknown', text: 'hi', platformMessageId: 'm_x', at: new Date(), name: 'Page inbox' })).toBe(false);
  });
});
