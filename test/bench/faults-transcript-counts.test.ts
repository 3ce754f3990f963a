import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../bench/faults/staff-client.js';
import { extraCopies, missingAtPlatform, onceAndInOrder, sameMessage, unansweredCustomerLines } from '../../bench/faults/transcript-counts.js';

const line = (author: TranscriptLine['author'], text = 'x'): TranscriptLine => ({ author, text, at: '2026-12-01T00:00:00.000Z' });

describe('the fault bench counting', () => {
  describe('unanswered customer lines', () => {
    it('counts none when every customer line has a reply, even when the next question was stored before the reply', () => {
      expect(unansweredCustomerLines([line('customer'), line('bot'), line('customer'), line('agent')])).toBe(0);
      expect(unansweredCustomerLines([line('customer'), line('customer'), line('bot'), line('bot')])).toBe(0);
    });

    it('counts the customer lines no bot or agent line follows; system lines answer nothing', () => {
      expect(unansweredCustomerLines([line('customer'), line('bot'), line('customer')])).toBe(1);
      expect(unansweredCustomerLines([line('customer'), line('system'), line('customer'), line('bot')])).toBe(1);
      expect(unansweredCustomerLines([line('bot'), line('customer')])).toBe(1);
    });
  });

  describe('extra copies', () => {
    it('counts every copy beyond the first', () => {
      expect(extraCopies(['a', 'a', 'a', 'b', 'c', 'c'])).toBe(3);
      expect(extraCopies(['a', 'b'])).toBe(0);
    });
  });

  describe('matching what a platform received', () => {
    it('ignores Telegram markup, Markdown marks and a name prefix', () => {
      expect(sameMessage('An Phát: Phí giao hàng là bao nhiêu? Miễn phí', '**Phí giao hàng** là bao nhiêu? Miễn phí')).toBe(true);
      expect(sameMessage('Phí giao hàng', 'Bảo hành bao lâu?')).toBe(false);
    });

    it('finds transcript lines the platform never received, one received text per line', () => {
      expect(missingAtPlatform(['first answer', 'first answer', 'second answer'], ['first answer', 'second answer'])).toEqual(['first answer']);
      expect(missingAtPlatform(['first answer'], ['first answer', 'first answer'])).toEqual([]);
    });
  });

  describe('once and in order', () => {
    it('holds for each message arriving once in the sent order', () => {
      expect(onceAndInOrder(['one', 'two', 'three'], ['Admin: one', 'Admin: two', 'Admin: three'])).toEqual({ missing: 0, duplicates: 0, inOrder: true });
    });

    it('reports a message that came twice, out of order, and one that never came', () => {
      expect(onceAndInOrder(['one', 'two', 'three'], ['one', 'two', 'one'])).toEqual({ missing: 1, duplicates: 1, inOrder: true });
      expect(onceAndInOrder(['one', 'two'], ['two', 'one'])).toEqual({ missing: 0, duplicates: 0, inOrder: false });
    });
  });
});
