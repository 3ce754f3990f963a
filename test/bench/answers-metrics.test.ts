import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../bench/answers/datasets.js';
import { metrics, type Scored } from '../../bench/answers/evaluate.js';
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
