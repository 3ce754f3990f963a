import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageSynonyms } from '../../../src/knowledge/synonyms/language-synonyms.js';
import { tokenize } from '../../../src/knowledge/text/tokenize.js';
import { createEngineWorld, type EngineWorld } from '../../support/engine-world.js';

const matched = (turn: Awaited<ReturnType<EngineWorld['say']>>) => (turn.decision?.candidates ?? []).flatMap((candidate) => candidate.matchedTerms);

// Issue 15: every language's synonyms and chat abbreviations applied to every text, so English
// "order" became Vietnamese "đặt hàng", Czech "v" and "u" became "vậy" and "you", and a
// Vietnamese greeting to the seller ("shop") read as a question about stores.
describe('a language\'s synonyms and chat abbreviations, for the demo shop with the bundled synonyms', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld();
  });
  afterAll(() => world.close());

  describe('when an English customer asks about their order', () => {
    it('matches English articles by "order", never by the Vietnamese "đặt hàng"', async () => {
      const turn = await world.say('syn-1', 'How can I cancel my order?');
      expect(turn.decision?.language.locale).toBe('en');
      expect(turn.decision?.candidates[0]).toMatchObject({ slug: 'order-cancel', locale: 'en' });
      expect(matched(turn)).toContain('order');
      expect(matched(turn)).not.toEqual(expect.arrayContaining(['dat']));
      expect(matched(turn)).not.toEqual(expect.arrayContaining(['hang']));
    });
  });

  describe('when a Vietnamese customer writes "order" for đặt hàng', () => {
    it('still finds the Vietnamese article that says "đặt hàng"', async () => {
      const turn = await world.say('syn-2', 'order online như thế nào vậy shop');
      expect(turn.decision?.language.locale).toBe('vi');
      expect(turn.decision?.candidates[0]).toMatchObject({ slug: 'order-online-how', locale: 'vi' });
      expect(matched(turn)).toContain('dat_hang');
    });
  });

  describe('when a Czech customer writes "v" and "u"', () => {
    it('reads them as Czech words, not as Vietnamese "vậy" or English "you"', async () => {
      const turn = await world.say('syn-3', 'Jaká je otevírací doba v prodejně u vás?');
      expect(turn.decision?.language.locale).toBe('cs');
      expect(turn.decision?.candidates[0]?.slug).toBe('opening-hours');
      expect(matched(turn)).not.toContain('vay');
      expect(matched(turn)).not.toContain('you');
    });
  });

  describe('when a Vietnamese customer greets the seller ("shop")', () => {
    it('greets back and ranks no store article by "shop"', async () => {
      const turn = await world.say('syn-4', 'Chào shop ạ');
      expect(turn.decision?.action.kind).toBe('smalltalk');
      expect(matched(turn)).not.toContain('store');
      expect(matched(turn)).not.toContain('cua_hang');
    });
  });
});

describe('LanguageSynonyms', () => {
  const synonyms = new LanguageSynonyms([
    { locale: 'vi', groups: [['cửa hàng', 'shop', 'store']] },
    { locale: 'en', groups: [['store', 'shop']] },
  ]);

  it('rewrites a text with its own language\'s groups only', () => {
    expect(tokenize('shop', { locale: 'vi', synonyms: synonyms.of('vi') })).toEqual(['cua', 'hang', 'cua_hang']);
    expect(tokenize('shop', { locale: 'en', synonyms: synonyms.of('en') })).toEqual(['store']);
    expect(synonyms.of('cs')).toBeNull();
  });
});

describe('chat abbreviations by language', () => {
  it('expands Vietnamese teencode in Vietnamese, English chat forms in English, and neither in Czech', () => {
    expect(tokenize('ko nhan dc hang', { locale: 'vi', compact: true })).toEqual(['khong', 'nhan', 'duoc', 'hang']);
    expect(tokenize('can u cancel my order', { locale: 'en', compact: true })).toEqual(['can', 'you', 'cancel', 'my', 'order']);
    expect(tokenize('objednal jsem v pondeli u vas', { locale: 'cs', compact: true })).toEqual(['objednal', 'jsem', 'v', 'pondeli', 'u', 'vas']);
  });
});
