import { describe, expect, it } from 'vitest';
import { questionPart } from '../../src/knowledge/question-part.js';

describe('questionPart', () => {
  describe('for a long message that tells a story before its question', () => {
    it.each([
      ['Vietnamese', 'Tôi mua giày tháng trước. Đế bị bong. Có sửa miễn phí không?', 'Có sửa miễn phí không?'],
      ['English', 'I bought boots in May. The sole came off after two weeks of walking. Can I get them fixed for free?', 'Can I get them fixed for free?'],
      ['Czech', 'Minulý měsíc jsem si u vás koupil pračku. Teď při praní strašně hučí a skáče. Vztahuje se na to záruka?', 'Vztahuje se na to záruka?'],
      ['Chinese', '我上个月在你们店里买了一台洗衣机。现在洗衣服的时候声音特别大，还会跳动。这个在保修范围内吗？', '这个在保修范围内吗？'],
    ])('returns the question sentence (%s)', (_language, message, question) => {
      expect(questionPart(message)).toBe(question);
    });

    it('returns the question sentence when the story comes after it', () => {
      expect(questionPart('Can I get them fixed for free? I bought them in May and the sole came off after two weeks of walking.')).toBe('Can I get them fixed for free?');
    });

    it('returns the sentence on its own line', () => {
      expect(questionPart('Hi, I bought a bike from you in March and rode it to work every day\nhow do I book a service')).toBe('how do I book a service');
    });
  });

  describe('for a short message or a single sentence', () => {
    it.each([
      'Can I get a refund?',
      'bao hanh bao lau',
      'Jak dlouho trvá záruka?',
      '保修多久？我的电视坏了。',
      'I bought a pair of boots from your shop in May and the sole came off after two weeks',
    ])('returns null for "%s"', (message) => {
      expect(questionPart(message)).toBeNull();
    });
  });
});
