import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../bench/answers/datasets.js';
import { metrics, type Scored } from '../../bench/answers/evaluate.js';
import type { RunResult } from '../../bench/answers/report.js';
import { changedMessages, diacriticsTable } from '../../bench/answers/report-tables.js';
import type { ArticleCandidate } from '../../src/knowledge/knowledge-base.js';

const candidate = (slug: string, confidence: number): ArticleCandidate => ({ articleId: `${slug}.en`, slug, locale: 'en', title: slug, confidence, matchedText: slug, matchedTerms: [], locales: ['en'] });
const scored = (expected: string | null, ...candidates: ArticleCandidate[]): Scored => ({ expected, decision: { action: { kind: 'miss' }, language: { locale: 'en', reason: 'default' }, candidates, intent: null } });

describe('the answer-quality metrics', () => {
  // Thresholds answer ≥ 0.6, clarify ≥ 0.4: one right answer, one wrong answer, one clarify that
  // holds the right article, one escalated in-scope message; OOS: one answered, one escalated.
  const items = [
    scored('refund', candidate('refund', 0.9)),
    scored('refund', candidate('delivery', 0.8)),
    scored('refund', candidate('delivery', 0.5), candidate('refund', 0.45)),
    scored('refund', candidate('refund', 0.2)),
    scored(null, candidate('delivery', 0.7)),
    scored(null, candidate('delivery', 0.1)),
  ];
  const m = metrics(items, { answerThreshold: 0.6, clarifyThreshold: 0.4 });

  it('counts as the protocol says', () => {
    expect(m.inScopeAccuracy).toBe(1 / 4);
    expect(m.oosRecall).toBe(1 / 2);
    expect(m.oosPrecision).toBe(1 / 2);
    expect(m.wrongAnswerRate).toBe(2 / 6);
    expect(m.coverage).toBe(3 / 6);
    expect(m.clarifyRate).toBe(1 / 6);
    expect(m.clarifyHitRate).toBe(1);
  });

  it('maps clarify to its top candidate for the comparison with published systems', () => {
    expect(m.comparable).toEqual({ inScopeAccuracy: 1 / 4, oosRecall: 1 / 2 });
  });
});

describe('stripDiacritics', () => {
  it('follows the protocol recipe for Vietnamese and Czech', () => {
    expect(stripDiacritics('Bảo hành được bao lâu? Đổi trả')).toBe('Bao hanh duoc bao lau? Doi tra');
    expect(stripDiacritics('Jak dlouho trvá záruka na pračku')).toBe('Jak dlouho trva zaruka na pracku');
  });
});

describe('the diacritics report', () => {
  const answered = (expected: string | null, slug: string): Scored => ({ expected, decision: { action: { kind: 'answer', slug, confidence: 0.7, chosen: false }, language: { locale: 'vi', reason: 'default' }, candidates: [candidate(slug, 0.7)], intent: null } });
  const handedOff = (expected: string | null): Scored => ({ expected, decision: { action: { kind: 'miss' }, language: { locale: 'vi', reason: 'default' }, candidates: [], intent: null } });
  const result = (id: string, texts: string[], items: Scored[], pairedWith?: string) =>
    ({ run: { id, title: `R8 Vietnamese ${id}`, locale: 'vi', test: texts.map((text) => ({ text, label: 'x' })), ...(pairedWith ? { pairedWith } : {}) }, scored: items, metrics: metrics(items) }) as unknown as RunResult;
  const base = result('translated-vi', ['số dư tài khoản', 'khóa thẻ', 'thời tiết'], [answered('balance', 'balance'), answered('freeze', 'balance'), handedOff(null)]);
  const stripped = result('translated-vi-stripped', ['so du tai khoan', 'khoa the', 'thoi tiet'], [handedOff('balance'), answered('freeze', 'freeze'), handedOff(null)], 'translated-vi');

  it('lists each message the stripping broke with what the engine did instead, and counts the ones it fixed', () => {
    const text = changedMessages(base, stripped);
    expect(text).toContain('1 message(s) went from right to wrong and 1 from wrong to right');
    expect(text).toContain('| balance | số dư tài khoản | so du tai khoan | 0.70 | handed off |');
    expect(text).not.toContain('khoa the');
  });

  it('compares in-scope accuracy with the original and checks the 3-point limit', () => {
    const table = diacriticsTable([base, stripped]);
    expect(table).toContain('| Vietnamese translated-vi | original | 50.0 |');
    expect(table).toContain('| stripped | 50.0 | +0.0 | 100.0 | 0.0 | yes |');
    const worse = result('translated-vi-mixed', ['so du tai khoan', 'khóa thẻ', 'thời tiết'], [handedOff('balance'), answered('freeze', 'balance'), handedOff(null)], 'translated-vi');
    expect(diacriticsTable([base, worse])).toContain('| mixed (50 % stripped) | 0.0 | −50.0 | 100.0 | 33.3 | **no** |');
  });
});
