import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';
import { settled } from '../support/settled.js';

// Issue 20: a conversation never closed, so a customer back next week continued last week's.
describe('closing an idle bot conversation', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', IDLE_CLOSE_MINUTES: '60' });
  });
  afterAll(() => world.close());
  afterEach(() => vi.useRealTimers());
  const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
  // The close is planned by a listener of the turn's events: wait for it instead of sleeping.
  const settle = () => settled(world.careline);

  it('closes it after IDLE_CLOSE_MINUTES without a message, not before, and the returning customer gets a new one', async () => {
    const first = await world.say('back-1', 'phí ship bao nhiêu');
    await settle();
    const at = first.message.createdAt;
    await world.careline.jobRunner.runDue(later(at, 59));
    expect((await world.careline.services.conversations.get(first.conversation._id))!.state).toBe('bot');
    await world.careline.jobRunner.runDue(later(at, 61));
    expect((await world.careline.services.conversations.get(first.conversation._id))).toMatchObject({ state: 'closed' });

    const next = await world.say('back-1', 'bảo hành bao lâu');
    expect(next.conversation._id).not.toBe(first.conversation._id);
    expect(next.texts.join('\n')).toMatch(/bảo hành/i);
    const history = await world.careline.services.conversations.listByCustomer(first.customer._id);
    expect(history.map((conversation) => conversation.state).sort()).toEqual(['bot', 'closed']);
  });

  it('waits from the last message: a conversation written to again stays open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-12-03T08:00:00Z');
    vi.setSystemTime(start);
    const first = await world.say('back-2', 'xin chào');
    vi.setSystemTime(later(start, 30));
    await world.say('back-2', 'phí ship bao nhiêu');
    vi.useRealTimers();
    await settle();
    // An hour after the first message, half an hour after the second: still open.
    await world.careline.jobRunner.runDue(later(start, 61));
    expect((await world.careline.services.conversations.get(first.conversation._id))!.state).toBe('bot');
    await world.careline.jobRunner.runDue(later(start, 91));
    expect((await world.careline.services.conversations.get(first.conversation._id))!.state).toBe('closed');
  });

  it('leaves a conversation waiting for an agent open', async () => {
    const turn = await world.say('back-3', 'cho gặp nhân viên');
    await settle();
    await world.careline.jobRunner.runDue(later(turn.message.createdAt, 24 * 60));
    expect((await world.careline.services.conversations.get(turn.conversation._id))!.state).toBe('waiting');
  });
});
