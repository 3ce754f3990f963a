import { describe, expect, it } from 'vitest';
import { parseRating, parseRatingWithComment } from '../../src/csat/parse-rating.js';
import { isDecline, parseScore, parseScoreWithComment } from '../../src/surveys/parse-score.js';

describe('parseScore', () => {
  describe('for NPS (0–10)', () => {
    it.each([
      ['9', 9], ['0', 0], ['10', 10], ['9/10', 9], [' 8 / 10 ', 8], ['7.', 7], ['9 điểm', 9], ['9 diem', 9], ['tôi cho 9 điểm', 9],
      ['chín', 9], ['mười', 10], ['bảy', 7], ['tám điểm', 8], ['chin', 9], ['muoi', 10],
      ['nine', 9], ['Ten', 10], ['zero', 0], ["I'd give it 8", 8], ['8 points', 8],
      ['devět', 9], ['deset', 10], ['devet bodu', 9], ['nula', 0],
      ['九', 9], ['九分', 9], ['十', 10], ['零', 0], ['8分', 8], ['给九分', 9],
    ])('reads %j as %i', (text, score) => {
      expect(parseScore('nps', text)).toBe(score);
    });

    it.each(['11', 'không, cảm ơn', 'không', 'tam', 'nam', 'sau', 'bay', 'cảm ơn', 'ok', '2 tuần rồi chưa nhận hàng', 'đơn 12345', 'what is 9?'])('does not take %j for a score', (text) => {
      expect(parseScore('nps', text)).toBeNull();
    });

    it('reads the pressed button, and no other survey\'s', () => {
      expect(parseScore('nps', '9', 'nps:9')).toBe(9);
      expect(parseScore('nps', '', 'nps:0')).toBe(0);
      expect(parseScore('nps', '5', 'ces:5')).toBeNull();
      expect(parseScore('nps', '5', 'csat:5')).toBeNull();
      expect(parseScore('nps', '11', 'nps:11')).toBeNull();
    });
  });

  describe('for CES (1–7)', () => {
    it('takes 1 to 7 and nothing outside', () => {
      expect(parseScore('ces', '7')).toBe(7);
      expect(parseScore('ces', 'sedm')).toBe(7);
      expect(parseScore('ces', '6/7')).toBe(6);
      expect(parseScore('ces', '七')).toBe(7);
      expect(parseScore('ces', '0')).toBeNull();
      expect(parseScore('ces', '8')).toBeNull();
      expect(parseScore('ces', '', 'ces:3')).toBe(3);
    });
  });

  describe('for CES in words, on the scale as the question labels it (1 very difficult … 7 very easy)', () => {
    it.each([
      ['very easy', 7], ['Very easy!', 7], ['It was really easy', 7], ['easy', 6], ['quite easy', 5], ['neither easy nor difficult', 4], ['a bit hard', 3], ['hard', 2], ['difficult', 2], ['very difficult', 1],
      ['rất dễ', 7], ['Rất dễ dàng ạ', 7], ['rat de', 7], ['dễ', 6], ['dễ dàng', 6], ['de dang', 6], ['khá dễ', 5], ['bình thường', 4], ['hơi khó', 3], ['khó', 2], ['khó khăn', 2], ['rất khó', 1], ['rat kho', 1],
      ['velmi snadné', 7], ['velmi snadno', 7], ['snadné', 6], ['jednoduché', 6], ['docela snadné', 5], ['spíše obtížné', 3], ['obtížné', 2], ['těžké', 2], ['velmi obtížné', 1],
      ['非常容易', 7], ['非常简单', 7], ['容易', 6], ['很简单', 6], ['比较容易', 5], ['一般', 4], ['有点难', 3], ['很难', 2], ['困难', 2], ['非常困难', 1], ['太难了', 1],
    ])('reads %j as %i', (text, score) => {
      expect(parseScore('ces', text)).toBe(score);
    });

    it.each([
      ['not easy', 3], ["it wasn't that easy", 3], ['not very easy', 3], ['không dễ', 3], ['không dễ dàng', 3], ['khong de dang', 3], ['chẳng dễ chút nào', 3], ['není snadné', 3], ['nebylo to snadné', 3], ['nesnadné', 3], ['不容易', 3], ['不太容易', 3], ['没那么简单', 3],
      ['not hard', 5], ['not difficult at all', 5], ['không khó', 5], ['không hề khó', 5], ['není obtížné', 5], ['neobtížné', 5], ['不难', 5], ['不是很难', 5], ['一点也不困难', 5],
    ])('reads the negation %j as the other side of the middle (%i), not as easy or hard', (text, score) => {
      expect(parseScore('ces', text)).toBe(score);
    });

    it.each(['để sau', 'làm sao để đăng ký?', 'is it easy to return an item?', 'ok', 'cảm ơn', 'kho hàng ở đâu', 'easy to find the button but the courier was rude and late'])('does not take %j for a CES score', (text) => {
      expect(parseScore('ces', text)).toBeNull();
    });

    it('reads words for CES only: "very easy" is no NPS score', () => {
      expect(parseScore('nps', 'very easy')).toBeNull();
    });

    it('reads words with a comment after them', () => {
      expect(parseScoreWithComment('ces', 'rất dễ, nhân viên nhiệt tình')).toEqual({ score: 7, comment: 'nhân viên nhiệt tình' });
      expect(parseScoreWithComment('ces', 'not easy: I waited two days')).toEqual({ score: 3, comment: 'I waited two days' });
      expect(parseScoreWithComment('ces', 'velmi snadné')).toEqual({ score: 7 });
      expect(parseScoreWithComment('ces', '不容易，等了很久')).toEqual({ score: 3, comment: '等了很久' });
    });
  });
});

describe('parseScoreWithComment', () => {
  it.each([
    ['8, fast delivery but rude courier', 8, 'fast delivery but rude courier'],
    ['9/10 great service', 9, 'great service'],
    ['chín điểm. Giao hàng nhanh', 9, 'Giao hàng nhanh'],
    ['devět – rychlé dodání', 9, 'rychlé dodání'],
    ['十分，服务很好', 10, '服务很好'],
  ])('reads %j as a score and a comment', (text, score, comment) => {
    expect(parseScoreWithComment('nps', text)).toEqual({ score, comment });
  });

  it('reads a score alone without a comment, and a story with a number as neither', () => {
    expect(parseScoreWithComment('nps', '10')).toEqual({ score: 10 });
    expect(parseScoreWithComment('nps', '2 tuần rồi chưa nhận hàng')).toBeNull();
    expect(parseScoreWithComment('nps', 'không, cảm ơn')).toBeNull();
  });
});

describe('isDecline', () => {
  it.each(['không, cảm ơn', 'Không cảm ơn', 'ko', 'no thanks', 'No, thank you', 'ne, děkuji', '不用了，谢谢'])('reads %j as turning the survey down', (text) => {
    expect(isDecline(text)).toBe(true);
  });
  it.each(['cảm ơn', 'thanks', '9', 'giao hàng chậm'])('does not read %j as one', (text) => {
    expect(isDecline(text)).toBe(false);
  });
});

describe('the CSAT rating (the bug of "no, thanks")', () => {
  it('does not read "không, cảm ơn" or "cảm ơn" as a rating of 4', () => {
    expect(parseRating('không, cảm ơn')).toBeNull();
    expect(parseRatingWithComment('không, cảm ơn')).toBeNull();
    expect(parseRating('cảm ơn')).toBeNull();
    expect(parseRating('khong cam on')).toBeNull();
  });

  it('still reads ratings said with thanks, and "không ổn" as not fine', () => {
    expect(parseRating('tốt, cảm ơn')).toBe(4);
    expect(parseRating('ổn')).toBe(4);
    expect(parseRating('rất hài lòng, cảm ơn em')).toBe(5);
    expect(parseRating('không ổn')).toBe(2);
  });
});
