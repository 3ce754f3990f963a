import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloads } from '../../src/engine/answer-policy.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

// Photos, stickers, voice messages, cards, reactions and notices: nothing to read as a question.
describe('messages without words', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    world.careline.presence.connect('usr_agent');
  });
  afterAll(() => world.close());
  const questionLog = () => world.careline.questions.list({});

  it('answers a photo with a short reply in the customer\'s language and a person button, keeps it in the transcript and logs no question', async () => {
    const turn = await world.say('photo-1', '', { locale: 'en', attachments: [{ kind: 'image', url: 'https://cdn.example.com/p/broken-tv.jpg', mimeType: 'image/jpeg' }] });
    expect(turn.texts).toEqual(['I can read text only. Please tell me in words, or I can pass this to a person.']);
    expect(turn.output.sent[0]!.message.buttons).toEqual([{ label: 'Talk to a person', payload: payloads.handoff }]);
    expect(turn.message.attachments).toEqual([{ kind: 'image', url: 'https://cdn.example.com/p/broken-tv.jpg', mimeType: 'image/jpeg' }]);
    const stored = await world.careline.services.messages.get(turn.message._id);
    expect(stored?.attachments?.[0]?.kind).toBe('image');
    expect(turn.conversation.missCount ?? 0).toBe(0);
    expect((await questionLog()).filter((entry) => entry.customerId === turn.customer._id)).toEqual([]);
  });

  it('never opens a ticket however many stickers come, and answers a reaction or a notice with nothing', async () => {
    for (let i = 0; i < 3; i++) await world.say('sticker-1', '', { attachments: [{ kind: 'sticker', emoji: '😀', mediaId: `stk-${i}` }] });
    const reaction = await world.say('sticker-1', '', { attachments: [{ kind: 'reaction', emoji: '❤️', targetId: 'm.1' }] });
    expect(reaction.texts).toEqual([]);
    const notice = await world.say('sticker-1', '', { attachments: [{ kind: 'notice', summary: 'the customer followed the page' }] });
    expect(notice.texts).toEqual([]);
    expect(await world.careline.services.tickets.waiting()).toEqual([]);
    expect(reaction.conversation.state).toBe('bot');
  });

  it('reads a caption as the question', async () => {
    const turn = await world.say('caption-1', 'bảo hành bao lâu?', { attachments: [{ kind: 'image', mediaId: 'AgACAgIAAxkBAAIB' }] });
    expect(turn.texts.join('\n')).toMatch(/bảo hành/i);
    expect(turn.texts.join('\n')).not.toMatch(/chỉ đọc được tin nhắn chữ/);
  });

  it('keeps a location sent while waiting for an agent for the agent, without a bot reply', async () => {
    await world.say('waiting-1', 'Gặp nhân viên', { payload: payloads.handoff });
    const turn = await world.say('waiting-1', '', { attachments: [{ kind: 'location', location: { latitude: 21.0285, longitude: 105.8542, name: 'Hoàn Kiếm' } }] });
    expect(turn.texts).toEqual([]);
    expect(turn.conversation.state).toBe('waiting');
    const transcript = await world.careline.services.messages.transcript(turn.conversation._id);
    expect(transcript.at(-1)?.attachments?.[0]?.location?.name).toBe('Hoàn Kiếm');
  });

  it('keeps a reaction to a resolved conversation there, without reopening it', async () => {
    const handoff = await world.say('resolved-1', 'Gặp nhân viên', { payload: payloads.handoff });
    const agent = { _id: 'usr_agent', displayName: 'Lan', roles: ['agent'] } as unknown as Parameters<typeof world.careline.desk.claim>[1];
    await world.careline.desk.claim(handoff.conversation.ticketId!, agent);
    await world.careline.desk.resolve(handoff.conversation._id, agent);
    const reaction = await world.say('resolved-1', '', { attachments: [{ kind: 'reaction', emoji: '❤️' }] });
    expect(reaction.texts).toEqual([]);
    expect(reaction.conversation._id).toBe(handoff.conversation._id);
    expect((await world.careline.services.conversations.get(handoff.conversation._id))!.state).toBe('resolved');
    expect(await world.careline.services.conversations.listByCustomer(handoff.customer._id)).toHaveLength(1);
  });
});
