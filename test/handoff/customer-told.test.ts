import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/user.js';
import { CollectingChannel } from '../../src/channels/collecting/collecting-channel.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';
import { addTestUser } from '../support/test-user.js';

// Issue 19: nobody told the customer when the conversation was transferred, handed back or resolved.
describe('the customer is told what happens on the agents\' side', () => {
  let world: EngineWorld;
  let lan: User;
  let petra: User;
  const telegram = new CollectingChannel('telegram');
  beforeAll(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    world.careline.channels.register(telegram);
    lan = await addTestUser(world.careline.services.users, { email: 'lan@shop.test', name: 'Lan', roles: ['agent'] });
    petra = await addTestUser(world.careline.services.users, { email: 'petra@shop.test', name: 'Petra', roles: ['agent'] });
  });
  afterAll(() => world.close());
  const sentTo = (customer: string) => telegram.sent.filter((sent) => sent.address.sender === customer).map((sent) => sent.message.text);

  it('in Czech: the name of the agent who takes over on a transfer, then that the request is resolved', async () => {
    const turn = await world.say('cz-1', 'chci mluvit s člověkem', { channel: 'telegram' });
    expect(turn.conversation.ticketId).toBeTruthy();
    await world.careline.desk.claim(turn.conversation.ticketId!, lan);
    telegram.sent.length = 0;
    await world.careline.desk.transfer(turn.conversation._id, lan, petra);
    expect(sentTo('cz-1')).toEqual(['Dále vám pomůže Petra.']);
    await world.careline.desk.resolve(turn.conversation._id, petra);
    expect(sentTo('cz-1').at(-1)).toMatch(/vyřešen/);
    const transcript = await world.careline.services.messages.transcript(turn.conversation._id);
    expect(transcript.filter((line) => line.author.kind === 'system').map((line) => line.text)).toEqual(sentTo('cz-1'));
  });

  it('in Vietnamese: that the assistant answers again after a hand-back', async () => {
    const turn = await world.say('vi-1', 'cho gặp nhân viên', { channel: 'telegram' });
    await world.careline.desk.claim(turn.conversation.ticketId!, lan);
    telegram.sent.length = 0;
    await world.careline.desk.handBack(turn.conversation._id, lan);
    expect(sentTo('vi-1')).toEqual(['Nhân viên đã kết thúc phần hỗ trợ; trợ lý tự động sẽ tiếp tục trả lời anh/chị ạ.']);
  });
});
