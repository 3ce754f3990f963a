import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recipientOf } from '../support/fake-graph-api.js';
import { metaFixture, postSigned } from '../support/meta-webhook.js';
import { appSecret, startMetaWorld, type MetaWorld } from '../support/meta-world.js';
import { describeMetaCsat } from './meta-csat.js';
import { describeMetaJourney } from './meta-journey.js';
import { settled } from '../support/settled.js';

describeMetaJourney('whatsapp', '84901234567', '84907654321');

describe('the whatsapp channel', () => {
  let world: MetaWorld;
  beforeAll(async () => {
    world = await startMetaWorld('whatsapp');
  });
  afterAll(async () => {
    await world.close();
  });
  const statuses = (wamid: string, list: { status: string; timestamp: number }[]) => {
    const body = metaFixture('whatsapp-statuses');
    const [delivered, , failed] = body.entry[0].changes[0].value.statuses;
    body.entry[0].changes[0].value.statuses = list.map(({ status, timestamp }) => ({ ...(status === 'failed' ? failed : delivered), id: wamid, status, timestamp: String(timestamp) }));
    return postSigned(world.webhook, body, appSecret);
  };

  it('keeps the phone number as the customer\'s identity and phone, and marks the message read while typing', async () => {
    await world.say('84911111111', 'xin chao', { mid: 'wamid.TYPING-TEST-1' });
    await world.graph.waitFor((call) => recipientOf(call) === '84911111111');
    expect(world.graph.typing.map((call) => call.body)).toContainEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.TYPING-TEST-1', typing_indicator: { type: 'text' } });
    // The phone is stored after the turn, which may end after the reply reached the platform.
    await vi.waitFor(async () => expect(await world.app.services.customers.findByIdentity('whatsapp', '84911111111')).toMatchObject({ phone: '+84911111111', displayName: 'Nguyễn Văn An' }));
  });

  it('records sent, delivered, read and failed on the message the statuses name, never going back', async () => {
    await world.say('84922222222', 'bao hanh bao lau');
    const { messageId } = await world.graph.waitFor((call) => recipientOf(call) === '84922222222');
    const delivery = async () => {
      const customer = await world.app.services.customers.findByIdentity('whatsapp', '84922222222');
      const messages = await world.app.store.collection<{ _id: string; customerId: string; platformMessageId?: string; delivery?: unknown }>('messages').find({ customerId: customer!._id, platformMessageId: messageId! });
      return messages[0]?.delivery ?? null;
    };
    expect((await statuses(messageId!, [{ status: 'sent', timestamp: 1764000000 }, { status: 'delivered', timestamp: 1764000060 }, { status: 'read', timestamp: 1764000120 }])).status).toBe(200);
    await settled(world.app.careline);
    await expect.poll(delivery, { interval: 25 }).toEqual({ status: 'read', at: new Date(1764000120 * 1000) });
    // A late "delivered" does not undo "read"; a failure is recorded with WhatsApp's reason.
    await statuses(messageId!, [{ status: 'delivered', timestamp: 1764000180 }]);
    await settled(world.app.careline);
    expect(await delivery()).toMatchObject({ status: 'read' });
    await statuses(messageId!, [{ status: 'failed', timestamp: 1764000240 }]);
    await settled(world.app.careline);
    expect(await delivery()).toEqual({ status: 'failed', at: new Date(1764000240 * 1000), error: '131047 Re-engagement message' });
  });
});
describeMetaCsat('whatsapp', '84931111111', '84932222222');
