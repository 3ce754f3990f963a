import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformFixture, postSigned } from '../../support/meta-webhook.js';
import { appSecret, startMetaWorld, type MetaWorld } from '../../support/meta-world.js';

/** Meta's echo of a message the page sent to `user`, `metadata` as given (Careline marks its own). */
function echo(user: string, mid: string, text: string, metadata?: string) {
  const body = platformFixture('messenger', 'message-echo');
  const event = body.entry[0].messaging[0];
  Object.assign(event, { recipient: { id: user }, timestamp: Date.now() });
  Object.assign(event.message, { mid, text, ...(metadata ? { metadata } : {}) });
  return body;
}

// A person at the shop answers in the Facebook Page inbox: the bot must not talk over them.
describe('a reply from the Facebook Page inbox, through the Messenger webhook', () => {
  let world: MetaWorld;
  beforeAll(async () => {
    world = await startMetaWorld('messenger');
  });
  afterAll(() => world.close());
  const sendsTo = (user: string) => world.graph.calls.filter((call) => call.body.recipient?.id === user && call.body.message).length;

  it('marks Careline\'s own sends, ignores their echoes, and lets a person\'s reply silence the bot until an agent hands it back', async () => {
    const user = '6845217395587901';
    expect((await world.say(user, 'phí giao hàng bao nhiêu?')).status).toBe(200);
    await world.app.careline.idle();
    expect(sendsTo(user)).toBeGreaterThan(0);
    const ours = world.graph.calls.find((call) => call.body.recipient?.id === user && call.body.message);
    expect(ours!.body.message.metadata).toBe('careline');

    // The echo of the bot's own answer changes nothing.
    expect((await postSigned(world.webhook, echo(user, 'm_bot_echo', 'Phí giao hàng…', 'careline'), appSecret)).status).toBe(200);
    const customer = (await world.app.services.customers.findByIdentity('messenger', user))!;
    const [conversation] = await world.app.services.conversations.listByCustomer(customer._id);
    expect((await world.app.services.conversations.get(conversation!._id))!.state).toBe('bot');

    // A person answers from the Page inbox.
    expect((await postSigned(world.webhook, echo(user, 'm_page_inbox_1', 'Chào chị, em là Hoa ở cửa hàng, em kiểm tra đơn giúp chị nhé'), appSecret)).status).toBe(200);
    expect(await world.app.services.conversations.get(conversation!._id)).toMatchObject({ state: 'with_agent', ownerId: 'platform:messenger' });
    const transcript = await world.app.services.messages.transcript(conversation!._id);
    expect(transcript.at(-1)).toMatchObject({ direction: 'out', author: { kind: 'agent', name: 'Page inbox' }, text: expect.stringContaining('em là Hoa') });

    const before = sendsTo(user);
    expect((await world.say(user, 'dạ vâng, cảm ơn em')).status).toBe(200);
    await world.app.careline.idle();
    expect(sendsTo(user)).toBe(before);

    // Any agent hands it back in the console; the bot answers again.
    const agent = { _id: 'usr_any', roles: ['agent'] } as unknown as Parameters<typeof world.app.careline.desk.handBack>[1];
    await world.app.careline.desk.handBack(conversation!._id, agent);
    expect((await world.say(user, 'bảo hành bao lâu?')).status).toBe(200);
    await world.app.careline.idle();
    expect(sendsTo(user)).toBeGreaterThan(before);
  });
});
