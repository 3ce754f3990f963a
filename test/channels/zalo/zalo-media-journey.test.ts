import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botPhrases as botPhrasesTemplates } from '../../../src/engine/bot-phrases.js';
import { spoken } from '../../support/spoken-phrases.js';
import type { Message } from '../../../src/conversations/message.js';
import { loginAs } from '../../support/agent-session.js';
import { FakeZalo, postZaloEvent, zaloEnv, zaloEventFor, zaloText } from '../../support/fake-zalo.js';
import { settled } from '../../support/settled.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const botPhrases = spoken(botPhrasesTemplates);

// Every documented follower message that is not text, replayed through the signed webhook.
describe('a Zalo follower sending something other than text', () => {
  let fake: FakeZalo;
  let app: TestApp;
  let next = 0;
  const newFollower = () => `77000000000000${String(++next).padStart(4, '0')}`;
  const sentTo = (user: string) => fake.sent.filter((sent) => sent.userId === user);
  const transcriptOf = async (user: string): Promise<Message[]> => {
    const customer = await app.services.customers.findByIdentity('zalo', user);
    if (!customer) return [];
    const [conversation] = await app.services.conversations.listByCustomer(customer._id);
    return conversation ? app.services.messages.transcript(conversation._id) : [];
  };
  const inbound = async (user: string) => (await transcriptOf(user)).filter((message) => message.direction === 'in');

  beforeAll(async () => {
    fake = await new FakeZalo().start();
    app = await startTestApp({ ...zaloEnv(fake), BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  const kinds: [string, Record<string, unknown>][] = [
    ['user_send_image', { kind: 'image', url: 'https://photo-stal-9.zdn.vn/photo.jpg' }],
    ['user_send_gif', { kind: 'image', mimeType: 'image/gif', url: 'https://photo-stal-9.zdn.vn/animation.gif' }],
    ['user_send_sticker', { kind: 'sticker', url: expect.stringContaining('zadn.vn/api/emoticon/sticker') }],
    ['user_send_audio', { kind: 'voice', url: 'https://voice-aac-dl.zdn.vn/5a1d0e7c3b2f/voice.amr' }],
    ['user_send_video', { kind: 'video', url: 'https://video-dl.zdn.vn/2f0e4c9a/video.mp4', summary: 'Máy không lên nguồn' }],
    ['user_send_file', { kind: 'file', fileName: 'hoa-don-1204.pdf', size: 48213, url: 'https://f9-zpc.zdn.vn/1234567890/hoa-don-1204.pdf' }],
    ['user_send_location', { kind: 'location', location: { latitude: 10.7642473, longitude: 106.6564314 } }],
    ['user_send_link', { kind: 'unsupported', url: 'https://anphat.example/san-pham/may-loc-nuoc', summary: expect.stringContaining('Máy lọc nước An Phát') }],
    ['user_send_business_card', { kind: 'contact', contact: { phones: ['84987654321'], emails: [] } }],
  ];

  it.each(kinds)('%s: 200, kept with its attachment, and the follower is told the bot reads text only, with a person button', async (name, attachment) => {
    const user = newFollower();
    expect((await postZaloEvent(app.url, zaloEventFor(name, user))).status).toBe(200);
    await fake.waitForSent(fake.sent.length + 1);
    await settled(app.careline);
    expect(sentTo(user)).toEqual([expect.objectContaining({ text: botPhrases.vi.wordsOnly, buttons: [expect.objectContaining({ title: botPhrases.vi.talkToHuman })] })]);
    const [message] = await inbound(user);
    expect(message).toMatchObject({ text: '', attachments: [attachment] });
    // Not a question the bot missed: nothing counts towards a handoff, nothing in the editors' log.
    const customer = await app.services.customers.findByIdentity('zalo', user);
    const [conversation] = await app.services.conversations.listByCustomer(customer!._id);
    expect(conversation).toMatchObject({ state: 'bot', missCount: 0 });
  });

  it('reads a photo\'s caption as the question and keeps the photo', async () => {
    const user = newFollower();
    const photo = zaloEventFor('user_send_image', user, { text: 'bao hanh bao lau' });
    expect((await postZaloEvent(app.url, photo)).status).toBe(200);
    await settled(app.careline);
    const [answer] = sentTo(user);
    expect(answer!.text).toContain(app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title);
    expect((await inbound(user))[0]).toMatchObject({ text: 'bao hanh bao lau', attachments: [{ kind: 'image' }] });
  });

  it('records a reaction to the bot\'s answer and answers nothing', async () => {
    const user = newFollower();
    await postZaloEvent(app.url, zaloText(user, 'xin chao'));
    await settled(app.careline);
    expect(sentTo(user)).toHaveLength(1);
    const answered = (await transcriptOf(user)).find((message) => message.direction === 'out')!;
    const reaction = zaloEventFor('user_reacted_message', user, { msg_id: answered.platformMessageId });
    expect((await postZaloEvent(app.url, reaction)).status).toBe(200);
    // Zalo delivers it again: still one reaction.
    expect((await postZaloEvent(app.url, reaction)).status).toBe(200);
    await settled(app.careline);
    expect(sentTo(user)).toHaveLength(1);
    const reactions = (await inbound(user)).filter((message) => message.attachments?.[0]?.kind === 'reaction');
    expect(reactions).toEqual([expect.objectContaining({ text: '', attachments: [{ kind: 'reaction', emoji: '❤️', targetId: answered.platformMessageId }] })]);
  });

  it('records delivery and read receipts on the bot\'s message they name', async () => {
    const user = newFollower();
    await postZaloEvent(app.url, zaloText(user, 'xin chao'));
    await settled(app.careline);
    const answer = () => transcriptOf(user).then((messages) => messages.find((message) => message.direction === 'out')!);
    const { platformMessageId } = await answer();
    expect(platformMessageId).toMatch(/^zmsg-/);
    const receipt = (name: string) => ({ ...zaloEventFor(name, user), sender: { id: '388613280878808645' }, recipient: { id: user }, message: { msg_ids: [platformMessageId] } });
    expect((await postZaloEvent(app.url, receipt('user_received_message'))).status).toBe(200);
    expect((await answer()).delivery).toMatchObject({ status: 'delivered' });
    expect((await postZaloEvent(app.url, receipt('user_seen_message'))).status).toBe(200);
    expect((await answer()).delivery).toMatchObject({ status: 'read' });
  });

  it('acknowledges follows, unfollows, chat-now clicks and anonymous visitors\' messages and does nothing with them', async () => {
    const user = newFollower();
    const before = fake.sent.length;
    for (const name of ['follow', 'unfollow', 'user_click_chatnow']) {
      const event = { ...zaloEventFor(name, user), follower: { id: user }, user_id: user };
      expect((await postZaloEvent(app.url, event)).status).toBe(200);
    }
    expect((await postZaloEvent(app.url, zaloEventFor('anonymous_send_text', user))).status).toBe(200);
    await settled(app.careline);
    expect(fake.sent).toHaveLength(before);
    expect(await app.services.customers.findByIdentity('zalo', user)).toBeNull();
  });

  it('lets an agent open the follower\'s photo in the console, fetched from Zalo\'s CDN', async () => {
    const user = newFollower();
    const photo = zaloEventFor('user_send_image', user, { attachments: [{ type: 'image', payload: { thumbnail: `${fake.url}/media/thumb.jpg`, url: `${fake.url}/media/photo.jpg` } }] });
    await postZaloEvent(app.url, photo);
    await settled(app.careline);
    const [message] = await inbound(user);
    const agent = await loginAs(app, 'hoa@anphat.example', ['agent'], 'Hoa');
    const response = await agent.get(`/api/agent/messages/${message!._id}/attachments/0`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await response.text()).toBe('bytes of /media/photo.jpg');
  });
});
