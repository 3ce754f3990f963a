import { describe, expect, it } from 'vitest';
import { tokenParts } from '../../src/knowledge/text/tokenize.js';
import { ArticleClassifier, type ClassifierExample } from '../../src/knowledge/retrieval/article-classifier.js';
import { blendScore, calibratedConfidence, calibrationInputs, defaultCalibration as calibration, type ConfidenceSignals } from '../../src/knowledge/retrieval/confidence.js';

// Two neighbouring articles that share most words: only "card" versus "account" tells them apart.
const examples: ClassifierExample[] = [
  ...['how do i freeze my card', 'please freeze my card now', 'can you block my card', 'i lost my card, freeze it', 'stop my card from working'].map((text) => ({ article: 0, text, locale: 'en' as const })),
  ...['how do i close my account', 'please close my account now', 'can you delete my account', 'i want my account closed', 'shut down my account'].map((text) => ({ article: 1, text, locale: 'en' as const })),
  ...['what is the interest rate on savings', 'savings interest rate please', 'how much interest do savings earn'].map((text) => ({ article: 2, text, locale: 'en' as const })),
];
// A question as the index hands it to the classifier: its terms read as English.
const english = (text: string) => tokenParts(text, { locale: 'en' });
const trained = () => {
  const classifier = new ArticleClassifier(examples, 3, 1e8);
  classifier.trainNow();
  return classifier;
};

describe('ArticleClassifier', () => {
  it('learns the word that tells neighbouring articles apart, typos and inflections included', () => {
    const classifier = trained();
    expect(classifier.scores(english('please freeze the card for me'), 3)[0]?.article).toBe(0);
    expect(classifier.scores(english('could you close the account'), 3)[0]?.article).toBe(1);
    // Character n-grams: "acount" and "freezing" still land on the right article.
    expect(classifier.scores(english('closing my acount'), 3)[0]?.article).toBe(1);
    expect(classifier.scores(english('freezing cards'), 3)[0]?.article).toBe(0);
  });

  it('scores a question about something else low, and one like a variant about 1', () => {
    const classifier = trained();
    const unrelated = classifier.scores(english('what is the weather in paris tomorrow'), 3)[0]?.score ?? 0;
    const known = classifier.scores(english('please freeze my card now'), 3)[0]!.score;
    expect(known).toBeGreaterThan(0.8);
    expect(unrelated).toBeLessThan(0.3);
  });

  it('scores nothing until trained, then the same whether trained at once or in slices', async () => {
    const sliced = new ArticleClassifier(examples, 3, 1e8);
    expect(sliced.ready).toBe(false);
    expect(sliced.scores(english('freeze my card'), 3)).toEqual([]);
    await sliced.trainInSlices();
    expect(sliced.ready).toBe(true);
    expect(sliced.scores(english('freeze my card'), 3)).toEqual(trained().scores(english('freeze my card'), 3));
  });

  it('trains an empty knowledge base without error', () => {
    const empty = new ArticleClassifier([], 0, 1e8);
    empty.trainNow();
    expect(empty.ready).toBe(true);
    expect(empty.scores(english('anything'), 3)).toEqual([]);
  });

  it('plans fewer passes and a lower feature cap when the work budget is small', () => {
    const generous = new ArticleClassifier(examples, 3, 1e8);
    const tight = new ArticleClassifier(examples, 3, 400);
    generous.trainNow();
    tight.trainNow();
    expect(generous.plan).toMatchObject({ epochs: 8, articleCap: 400 });
    // 400 posting visits cannot pay for even one pass at any cap: one pass at the lowest.
    expect(tight.plan).toMatchObject({ epochs: 1, articleCap: 12 });
    expect(tight.plan!.work).toBeLessThan(generous.plan!.work);
  });
});

describe('confidence', () => {
  const signals = (overrides: Partial<ConfidenceSignals>): ConfidenceSignals => ({ blend: 0.6, margin: 0.2, overlap: 0.6, overlapMargin: 0.2, coverage: 0.6, classifier: 0.6, unknown: 0, variants: 10, ...overrides });

  it('grows with the lead over the runner-up and with the match, and stays between 0 and 1', () => {
    expect(calibratedConfidence(signals({ margin: 0.4 }))).toBeGreaterThan(calibratedConfidence(signals({ margin: 0 })));
    expect(calibratedConfidence(signals({ blend: 0.9, overlap: 0.9, classifier: 1 }))).toBeGreaterThan(calibratedConfidence(signals({ blend: 0.3, overlap: 0.3, classifier: 0.2 })));
    for (const blend of [0, 0.5, 1]) {
      const value = calibratedConfidence(signals({ blend }));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('is the product of the two fitted parts over the inputs the calibration script fits on', () => {
    const s = signals({ blend: 0.7, margin: 0.3, overlap: 0.5, overlapMargin: 0.1, classifier: 2.5, unknown: 0.2, variants: 40 });
    const inputs = calibrationInputs(s);
    const part = (fit: { bias: number; weights: readonly number[] }, x: number[]) => 1 / (1 + Math.exp(-(fit.bias + x.reduce((sum, value, i) => sum + fit.weights[i]! * value, 0))));
    expect(calibratedConfidence(s)).toBeCloseTo(part(calibration.covered, inputs.covered) * part(calibration.right, inputs.right), 12);
  });

  it('trusts the classifier of an article with few variants less than word overlap', () => {
    // Same classifier score and overlap: with 2 variants the blend sits nearer the overlap.
    expect(blendScore(1, 0.2, 2)).toBeLessThan(blendScore(1, 0.2, 60));
    expect(blendScore(1, 0.2, 60)).toBeCloseTo((1 + 1.5 * 0.2) / 2.5);
  });
});
