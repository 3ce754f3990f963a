import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

// Issue 19: messages written while waiting for an agent got no answer at all; a dead chat to the customer.
describe('a customer writing while waiting for an agent', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
  });
  afterAll(() => world.close());
  afterEach(() => vi.useRealTimers());

  it('hears once per burst that the message is kept for the agents, with the ticket number', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-12-03T09:00:00Z');
    vi.setSystemTime(start);
    const handoff = await world.say('w-1', 'cho gặp nhân viên');
    const ticket = await world.careline.services.tickets.get(handoff.conversation.ticketId!);
    // Right after the hand-off reply: nothing more to say.
    vi.setSystemTime(new Date(start.getTime() + 20_000));
    expect((await world.say('w-1', 'dạ em chờ')).texts).toEqual([]);
    // Minutes later, still waiting: told the message is kept, once for the burst.
    vi.setSystemTime(new Date(start.getTime() + 5 * 60_000));
    expect((await world.say('w-1', 'có ai không ạ')).texts).toEqual([`Dạ, em đã ghi nhận tin nhắn của anh/chị cho nhân viên hỗ trợ (phiếu #${ticket!.number}); nhân viên sẽ trả lời ngay tại đây.`]);
    vi.setSystemTime(new Date(start.getTime() + 5 * 60_000 + 30_000));
    expect((await world.say('w-1', 'đơn của em là DH123')).texts).toEqual([]);
    // Nothing is answered as a question meanwhile.
    const transcript = await world.careline.services.messages.transcript(handoff.conversation._id);
    expect(transcript.filter((line) => line.author.kind === 'bot' && line.articleId)).toEqual([]);
  });
});
