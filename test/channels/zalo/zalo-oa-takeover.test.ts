import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../support/agent-session.js';
import { FakeZalo, postZaloEvent, zaloEnv, zaloEventFor, zaloText } from '../../support/fake-zalo.js';
import { runDueJobs, settled } from '../../support/settled.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// A person at the shop answers in Zalo's own OA chat (oa.zalo.me or the Zalo app): the bot must not talk over them.
describe('a reply from Zalo\'s OA chat, through the Zalo webhook', () => {
  let fake: FakeZalo;
  let app: TestApp;
  const user = '246845883529197922';
  const sentTo = () => fake.sent.filter((sent) => sent.userId === user).length;
  const conversation = async () => {
    const customer = await app.services.customers.findByIdentity('zalo', user);
    const [found] = await app.services.conversations.listByCustomer(customer!._id);
    return (await app.services.conversations.get(found!._id))!;
  };
  const say = async (text: string) => {
    expect((await postZaloEvent(app.url, zaloText(user, text))).status).toBe(200);
    await settled(app.careline);
  };
  const oaChat = async (name: string, message: Record<string, unknown> = {}, at = Date.now()) => {
    const event = { ...zaloEventFor(name, user, message), timestamp: String(at) };
    expect((await postZaloEvent(app.url, event)).status).toBe(200);
  };

  beforeEach(async () => {
    fake = await new FakeZalo().start();
    app = await startTestApp({ ...zaloEnv(fake), BUSINESS_HOURS: 'mon-sun 00:00-24:00', PLATFORM_REPLY_QUIET_MINUTES: '5' });
    // Zalo echoes every message the OA sends, Careline's own too, sometimes before it answers the send.
    fake.echoTo(app.url);
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  it('ignores the echoes of Careline\'s own sends, and lets a person\'s reply silence the bot until an agent hands it back', async () => {
    await say('bao hanh bao lau');
    expect(sentTo()).toBe(1);
    expect(await Promise.all(fake.echoes)).toEqual([200]);
    expect((await conversation()).state).toBe('bot');

    // An admin answers in the OA chat tool, then sends a photo from the Zalo app.
    await oaChat('oa_send_text');
    expect(await conversation()).toMatchObject({ state: 'with_agent', ownerId: 'platform:zalo' });
    await oaChat('oa_send_image');
    // Zalo delivers the text again: it is in the transcript once.
    await oaChat('oa_send_text');
    const transcript = await app.services.messages.transcript((await conversation())._id);
    const fromOaChat = transcript.filter((message) => message.author.name === 'Zalo OA chat');
    expect(fromOaChat).toEqual([
      expect.objectContaining({ direction: 'out', author: expect.objectContaining({ kind: 'agent' }), text: expect.stringContaining('em là Hoa') }),
      expect.objectContaining({ direction: 'out', text: '', attachments: [{ kind: 'image', url: 'https://photo-stal-9.zdn.vn/oa-photo.jpg' }] }),
    ]);

    // The follower answers the person: the bot stays silent.
    await say('da vang, cam on em');
    expect(sentTo()).toBe(1);

    // Any agent hands it back in the console: the follower is told, and the bot answers again.
    const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    expect((await agent.post(`/api/agent/conversations/${(await conversation())._id}/handback`)).status).toBe(200);
    await settled(app.careline);
    expect(sentTo()).toBe(2);
    await say('phi giao hang bao nhieu');
    expect(sentTo()).toBe(3);
    // Each of those sends was echoed too, and none of them took the conversation from the bot.
    expect(await Promise.all(fake.echoes)).toEqual([200, 200, 200]);
    expect(await conversation()).toMatchObject({ state: 'bot', ownerId: null });
  });

  it('gives the conversation back to the bot once the person has been quiet for the configured time', async () => {
    await say('bao hanh bao lau');
    // The person wrote 6 minutes ago (PLATFORM_REPLY_QUIET_MINUTES is 5).
    await oaChat('oa_send_text', {}, Date.now() - 6 * 60_000);
    expect((await conversation()).state).toBe('with_agent');
    await runDueJobs(app.careline);
    expect((await conversation()).state).toBe('bot');
    await say('phi giao hang bao nhieu');
    expect(sentTo()).toBe(2);
  });
});
