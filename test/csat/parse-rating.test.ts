import { describe, expect, it } from 'vitest';
import { looksLikeQuestion, parseRating, parseRatingWithComment } from '../../src/csat/parse-rating.js';

describe('parseRating', () => {
  describe('reads free-text ratings in every supported language', () => {
    it.each([
      // Vietnamese, with and without diacritics
      ['5', 5], ['5 sao', 5], ['4 sao nhé', 4], ['rất hài lòng', 5], ['rat hai long', 5], ['hài lòng', 4], ['hai long', 4],
      ['bình thường', 3], ['binh thuong', 3], ['không hài lòng', 2], ['khong hai long', 2], ['rất tệ', 1], ['rat te', 1], ['tệ quá', 1], ['tuyệt vời', 5], ['tuyet voi', 5],
      // English
      ['very good', 5], ['Excellent!', 5], ['good', 4], ['ok', 3], ['not good', 2], ['bad', 2], ['terrible', 1], ['4/5', 4], ['3 stars', 3], ['not bad', 4],
      // Czech, with and without diacritics
      ['spokojený', 4], ['spokojena', 4], ['velmi spokojený', 5], ['výborné', 5], ['průměrné', 3], ['nespokojený', 2], ['špatné', 2], ['hrozné', 1], ['5 hvězd', 5],
      // Chinese
      ['很满意', 5], ['非常满意', 5], ['满意', 4], ['一般', 3], ['不满意', 2], ['很差', 1], ['五星', 5], ['4分', 4], ['好', 4],
      // Emoji and stars
      ['😍', 5], ['👍', 4], ['😐', 3], ['😞', 2], ['😡', 1], ['⭐⭐⭐⭐', 4], ['★★', 2],
    ])('%s → %i', (text, score) => {
      expect(parseRating(text)).toBe(score);
    });
  });

  it('reads the button payloads csat:1..5', () => {
    expect(parseRating('5 – Rất hài lòng', 'csat:5')).toBe(5);
    expect(parseRating('', 'csat:1')).toBe(1);
    expect(parseRating('', 'article:ship')).toBeNull();
  });

  it.each(['hmm', 'phí ship bao nhiêu?', 'tôi cần mua 2 cái tivi', 'how long is the warranty', '6', '0', '你好'])('does not read %s as a rating', (text) => {
    expect(parseRating(text)).toBeNull();
  });
});

describe('looksLikeQuestion', () => {
  it.each(['phí ship bao nhiêu', 'bao hanh bao lau', 'how do I pay in instalments', 'kde je prodejna', '运费多少', 'can I return it?'])('sees a question in %s', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });
  it.each(['hmm', 'ừ', 'xyz'])('sees no question in %s', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});

describe('parseRatingWithComment', () => {
  it.each([
    ['4, the agent was quick but the bot talked too much', { score: 4, comment: 'the agent was quick but the bot talked too much' }],
    ['rất hài lòng. Nhân viên nhiệt tình, giao hàng nhanh', { score: 5, comment: 'Nhân viên nhiệt tình, giao hàng nhanh' }],
    ['2/5 - giao hàng chậm quá, đợi cả tuần', { score: 2, comment: 'giao hàng chậm quá, đợi cả tuần' }],
    ['⭐⭐⭐: giao hàng hơi chậm', { score: 3, comment: 'giao hàng hơi chậm' }],
    ['5 – Rất hài lòng', { score: 5 }],
    ['5', { score: 5 }],
  ])('reads %s', (text, expected) => {
    expect(parseRatingWithComment(text)).toEqual(expected);
  });
  it.each(['2 tuần rồi chưa nhận hàng', 'giao hàng chậm, đợi cả tuần', 'phí ship bao nhiêu?'])('finds no rating in %s', (text) => {
    expect(parseRatingWithComment(text)).toBeNull();
  });
});

describe('looksLikeQuestion for a comment', () => {
  it('takes a long comment for a comment, and a question for a question', () => {
    const comment = 'the agent was quick and friendly but the bot talked far too much before it handed me over';
    expect(looksLikeQuestion(comment)).toBe(true);
    expect(looksLikeQuestion(comment, { long: false })).toBe(false);
    expect(looksLikeQuestion('how do I pay in instalments', { long: false })).toBe(true);
  });
});
