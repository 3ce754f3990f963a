import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipientOf } from '../../support/fake-graph-api.js';
import { postSigned } from '../../support/meta-webhook.js';
import { appSecret, startMetaWorld, type MetaWorld } from '../../support/meta-world.js';

// Instagram's echoes carry no marker: Careline knows its own sends only by their ids, and
// Meta may deliver the echo before it has answered the send that made it.
describe('an Instagram echo of the bot\'s own reply that arrives before Meta answers the send', () => {
  let world: MetaWorld;
  const customer = '1254459154682919';
  const account = '17841405793187218';
  const echoes: Promise<number>[] = [];
  beforeAll(async () => {
    world = await startMetaWorld('instagram', { BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    world.graph.beforeAnswer = async (mid, body) => {
      const echo = { object: 'instagram', entry: [{ id: account, time: Date.now(), messaging: [{ sender: { id: account }, recipient: { id: body.recipient.id }, timestamp: Date.now(), message: { mid, text: body.message.text, is_echo: true } }] }] };
      // Delivered while the send is still unanswered; Meta answers the send 100 ms later, without waiting for our webhook.
      echoes.push(postSigned(world.webhook, echo, appSecret).then((response) => response.status));
      await new Promise((resolve) => setTimeout(resolve, 100));
    };
  });
  afterAll(() => world.close());

  it('is known as Careline\'s own: the bot keeps the conversation and answers the next question', async () => {
    expect((await world.say(customer, 'phi ship bao nhieu')).status).toBe(200);
    await world.graph.waitFor((call) => recipientOf(call) === customer && Boolean(call.body.message));
    expect(await Promise.all(echoes)).toEqual(echoes.map(() => 200));
    const identity = await world.app.services.customers.findByIdentity('instagram', customer);
    const [conversation] = await world.app.services.conversations.listByCustomer(identity!._id);
    expect(conversation).toMatchObject({ state: 'bot' });
    const before = world.graph.sent.length;
    expect((await world.say(customer, 'bao hanh bao lau')).status).toBe(200);
    await world.graph.waitFor((call) => recipientOf(call) === customer && Boolean(call.body.message), before);
  });
});
