import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

// Issue 20: an e-mail written in the message that asks for a person was lost, and an order code was stored as the phone.
describe('contact details in the message that asks for a person', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
  });
  afterAll(() => world.close());

  it('keeps the e-mail and the order code on the ticket and the customer, no phone, and does not ask for a contact again', async () => {
    const turn = await world.say('ct-1', 'cho gặp nhân viên, email em là Mai.Tran@example.com, đơn DH123456789 chưa giao');
    const ticket = await world.careline.services.tickets.get(turn.conversation.ticketId!);
    expect(ticket!.contact).toEqual({ email: 'mai.tran@example.com', orderCode: 'DH123456789' });
    expect(await world.careline.services.customers.get(turn.customer._id)).toMatchObject({ email: 'mai.tran@example.com' });
    expect((await world.careline.services.customers.get(turn.customer._id))!.phone).toBeUndefined();
    const reply = turn.texts.join('\n');
    expect(reply).toContain('mai.tran@example.com');
    expect(reply).not.toContain('để lại số điện thoại hoặc email');
  });

  it('keeps a phone given to the bot before any hand-off on the customer', async () => {
    const turn = await world.say('ct-2', 'phí ship bao nhiêu, sdt mình 0912 345 678');
    expect((await world.careline.services.customers.get(turn.customer._id))!.phone).toBe('0912345678');
  });
});
