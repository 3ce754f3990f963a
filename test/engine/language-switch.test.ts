import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

// The customer's language is the message's, not the one the conversation had before.
describe('switching languages within a conversation', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld();
  });
  afterAll(() => world.close());

  it('answers "giao hang" after a Chinese question in Vietnamese', async () => {
    expect((await world.say('lang-1', '运费多少？')).conversation.locale).toBe('zh');
    const turn = await world.say('lang-1', 'giao hang');
    expect(turn.decision?.language.locale).toBe('vi');
    expect(turn.output.sent[0]!.message.locale).toBe('vi');
  });

  it('answers a Czech question without diacritics after an English one in Czech', async () => {
    expect((await world.say('lang-2', 'how long is the warranty?')).conversation.locale).toBe('en');
    const turn = await world.say('lang-2', 'kolik stoji doprava');
    expect(turn.decision?.language.locale).toBe('cs');
  });

  it('keeps the conversation\'s language for a short reply that names no language ("ok")', async () => {
    await world.say('lang-3', '运费多少？');
    expect((await world.say('lang-3', 'ok')).decision?.language.locale).toBe('zh');
  });
});
