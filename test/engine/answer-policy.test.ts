import { describe, expect, it } from 'vitest';
import { chooseAction, type Action } from '../../src/engine/answer-policy.js';
import type { ArticleCandidate } from '../../src/knowledge/knowledge-base.js';
import type { ConfidenceSignals } from '../../src/knowledge/retrieval/confidence.js';

// The defaults (config-schema.ts).
const thresholds = { answerThreshold: 0.4, clarifyThreshold: 0.25 };

/** A ranked article as the knowledge base returns it, with the signals the policy reads. */
function candidate(slug: string, confidence: number, signals: Partial<ConfidenceSignals> = {}): ArticleCandidate {
  return {
    articleId: `${slug}.en`,
    slug,
    locale: 'en',
    title: slug,
    confidence,
    matchedText: slug,
    matchedTerms: [],
    locales: ['en'],
    signals: { blend: confidence, margin: 0, overlap: 0.5, overlapMargin: 0, coverage: 0.5, classifier: 0.5, unknown: 0, variants: 4, ...signals },
  };
}

const decide = (candidates: ArticleCandidate[]): Action => chooseAction(thresholds, null, candidates);
const offered = (action: Action) => (action.kind === 'clarify' ? action.candidates.map((choice) => choice.slug) : action.kind === 'answer' ? [action.slug] : []);

describe('chooseAction', () => {
  describe('when the right article is first with a modest lead', () => {
    // Best confidence between the clarify (0.25) and answer (0.4) thresholds, runners-up
    // that fit anywhere from nearly as well to badly.
    const cases = [0.25, 0.3, 0.35, 0.39].flatMap((best) =>
      [0.0, 0.05, 0.15, 0.24].flatMap((runnerUpBlend) =>
        [1, 2, 4].map((runnersUp) => ({
          best,
          candidates: [
            candidate('warranty', best, { blend: 0.3 }),
            ...Array.from({ length: runnersUp }, (_, i) => candidate(`other-${i}`, runnerUpBlend / 4, { blend: runnerUpBlend - i * 0.01 })),
          ],
        })),
      ),
    );

    it('answers or clarifies with it first, never says it does not know', () => {
      for (const { candidates } of cases) {
        const action = decide(candidates);
        expect(['answer', 'clarify']).toContain(action.kind);
        expect(offered(action)[0]).toBe('warranty');
      }
    });

    it('offers a close runner-up as a second choice', () => {
      const action = decide([candidate('warranty', 0.33, { blend: 0.3 }), candidate('warranty-claim', 0.12, { blend: 0.27 }), candidate('delivery', 0.01, { blend: 0.05 })]);
      expect(action).toMatchObject({ kind: 'clarify', weak: true });
      expect(offered(action)).toEqual(['warranty', 'warranty-claim']);
    });
  });

  describe('when it clarifies', () => {
    it('offers two or three choices, never one', () => {
      let clarifications = 0;
      for (const best of [0.25, 0.3, 0.39, 0.5, 0.9]) {
        for (const count of [2, 3, 4, 5]) {
          for (const spread of [0, 0.05, 0.2]) {
            for (const coverage of [0.5, 1]) {
              const candidates = [
                candidate('first', best, { blend: 0.5, coverage }),
                ...Array.from({ length: count - 1 }, (_, i) => candidate(`next-${i}`, best / (i + 2), { blend: 0.5 - spread * (i + 1), coverage })),
              ];
              const action = decide(candidates);
              if (action.kind !== 'clarify') continue;
              clarifications++;
              expect(action.candidates.length).toBeGreaterThanOrEqual(2);
              expect(action.candidates.length).toBeLessThanOrEqual(3);
              expect(new Set(offered(action)).size).toBe(action.candidates.length);
            }
          }
        }
      }
      // The grid does reach clarifications (else the loop above proves nothing).
      expect(clarifications).toBeGreaterThan(20);
    });

    it('offers at most three when five articles fit equally', () => {
      const action = decide(['a', 'b', 'c', 'd', 'e'].map((slug) => candidate(slug, 0.3, { blend: 0.4, coverage: 1 })));
      expect(action.kind).toBe('clarify');
      expect(offered(action)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('when several articles hold all of the question\'s words ("hoàn tiền" = refund)', () => {
    // Measured on the demo knowledge base: four articles cover "hoàn tiền" fully, their word
    // overlaps 0.707 / 0.688 / 0.672 / 0.662; the classifier alone makes the first 0.96.
    const refund = (runnerUpOverlap: number, runnerUpConfidence: number) => [
      candidate('refund-time', 0.96, { blend: 0.95, overlap: 0.707, coverage: 1 }),
      candidate('payment-failed', runnerUpConfidence, { blend: 0.7, overlap: runnerUpOverlap, coverage: 1 }),
      candidate('delivery', 0.001, { blend: 0.2, overlap: 0.2, coverage: 0.3 }),
    ];

    it('offers them when their words match about as closely, however sure the classifier is of one', () => {
      const action = decide(refund(0.688, 0.024));
      expect(action).toMatchObject({ kind: 'clarify', weak: false });
      expect(offered(action)).toEqual(['refund-time', 'payment-failed']);
    });

    it('answers the one clear winner when the runner-up matches the words less closely and the calibration rules it out', () => {
      expect(decide(refund(0.5, 0.002))).toMatchObject({ kind: 'answer', slug: 'refund-time' });
    });

    it('offers a runner-up the calibration does not rule out, even with less close words', () => {
      expect(offered(decide(refund(0.5, 0.08)))).toEqual(['refund-time', 'payment-failed']);
    });
  });

  describe('when the best article is alone above the clarify threshold', () => {
    it.each([0.25, 0.3, 0.39, 0.4, 0.8])('answers it at %s', (confidence) => {
      expect(decide([candidate('opening-hours', confidence)])).toMatchObject({ kind: 'answer', slug: 'opening-hours', chosen: false });
    });
  });

  describe('when it is sure and the runners-up trail far behind', () => {
    it('answers', () => {
      const action = decide([candidate('opening-hours', 0.9, { blend: 0.7, coverage: 0.9 }), candidate('delivery', 0.01, { blend: 0.2, coverage: 0.3 })]);
      expect(action).toMatchObject({ kind: 'answer', slug: 'opening-hours' });
    });
  });

  describe('when the best article is below the clarify threshold', () => {
    it.each([
      ['alone', [candidate('warranty', 0.24)]],
      ['with runners-up', [candidate('warranty', 0.2, { blend: 0.3 }), candidate('returns', 0.19, { blend: 0.3 }), candidate('delivery', 0.1, { blend: 0.25 })]],
      ['fully covering the words', [candidate('warranty', 0.1, { coverage: 1 }), candidate('returns', 0.1, { coverage: 1 })]],
    ])('says it does not know (%s)', (_case, candidates) => {
      expect(decide(candidates)).toEqual({ kind: 'miss' });
    });

    it('says it does not know when nothing matched', () => {
      expect(decide([])).toEqual({ kind: 'miss' });
    });
  });
});
