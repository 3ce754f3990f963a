import { calibration as shippedCalibration } from './confidence-calibration.js';
import type { LogisticModel } from './logistic-fit.js';

/** The two logistic parts of the confidence (see `calibratedConfidence`). */
export interface Calibration {
  covered: LogisticModel;
  right: LogisticModel;
}

/** The calibration fitted on public datasets: the starting point (prior) of every knowledge base's own fit. */
export const defaultCalibration: Calibration = {
  // Coverage, the whole-text share and the foreign-word share came after the shipped fit: they start at 0.
  covered: { bias: shippedCalibration.covered.bias, weights: [...shippedCalibration.covered.weights, 0, 0, 0].slice(0, 8) },
  right: shippedCalibration.right,
};

/** What a candidate's confidence is worked out from; kept on the candidate to show why. */
export interface ConfidenceSignals {
  /** The ranking score: the classifier's score blended with word overlap (0–1). */
  blend: number;
  /** `blend` minus the best other candidate's (negative below the top). */
  margin: number;
  /** How much of the question the article's words cover and the other way round (0–1). */
  overlap: number;
  /** `overlap` minus the best other candidate's: near 0 when several articles share the question's words. */
  overlapMargin: number;
  /** The idf-weighted share of the question's words the article's title and variants hold together (0–1). */
  coverage: number;
  /** The article classifier's score (about 1 for a question like the article's variants; 0 while it trains). */
  classifier: number;
  /** The idf-weighted share of the question's words the knowledge base's titles and variants never use. */
  unknown: number;
  /** The article's title and question variants. */
  variants: number;
  /** The article's whole text (all translations, answers included) BM25 score as a share of the most possible (0–1; 0 when not worked out). */
  text?: number;
  /** The idf-weighted share of the question's words that no title, variant or answer uses at all (0–1; absent when not worked out). */
  foreign?: number;
}

// How much word overlap counts next to the classifier's score in the ranking: chosen on
// CLINC150's validation split.
const overlapWeight = 1.5;
// From this many variants on, an article's classifier score counts fully; with fewer it
// counts in proportion: one or two examples teach a classifier little but incidental words.
// (Down-weighting up to 30 variants cost CLINC150 5-variant runs 3–6 points: measured.)
const fullyTrainedVariants = 5;

/** The ranking score from the classifier's score and the word-overlap confidence, 0–1. */
export function blendScore(classifier: number, overlap: number, variants: number): number {
  const weight = Math.min(1, variants / fullyTrainedVariants);
  return Math.min(1, Math.max(0, (weight * classifier + overlapWeight * overlap) / (weight + overlapWeight)));
}

/** The inputs of each part of the calibration, in the order of its weights. */
export function calibrationInputs(signals: ConfidenceSignals): { covered: number[]; right: number[] } {
  const classifier = Math.min(2, Math.max(-1, signals.classifier));
  const logVariants = Math.log(Math.max(1, signals.variants));
  return { covered: [signals.blend, signals.overlap, classifier, signals.unknown, logVariants, signals.coverage, signals.text ?? 0, signals.foreign ?? 0], right: [signals.margin, signals.overlapMargin, signals.blend, logVariants] };
}

/**
 * The probability that answering with this candidate is right, as the chance the question
 * is one the knowledge base covers (from how well the article matches: overlap, classifier,
 * blend) times the chance this article is the right one when it is (mostly from its lead
 * over the runner-up). Both parts are logistic calibrations: each knowledge base fits its
 * own (`selfCalibration`: its held-out variants against out-of-scope messages), starting
 * from `defaultCalibration`, fitted on the validation splits of several public datasets
 * (`npm run bench:answers:calibrate`), so one threshold means about the same on a small or
 * large knowledge base, with few or many variants per article. A question that
 * shares one incidental word with a single article has a lead but little coverage, and so
 * stays unsure.
 */
export function calibratedConfidence(signals: ConfidenceSignals, calibration: Calibration = defaultCalibration): number {
  // Worked out without the arrays of `calibrationInputs`: this runs for every candidate of every question.
  const classifier = Math.min(2, Math.max(-1, signals.classifier));
  const logVariants = Math.log(Math.max(1, signals.variants));
  const { covered, right } = calibration;
  const coveredZ = covered.bias + covered.weights[0]! * signals.blend + covered.weights[1]! * signals.overlap + covered.weights[2]! * classifier + covered.weights[3]! * signals.unknown + covered.weights[4]! * logVariants + (covered.weights[5] ?? 0) * signals.coverage + (covered.weights[6] ?? 0) * (signals.text ?? 0) + (covered.weights[7] ?? 0) * (signals.foreign ?? 0);
  const rightZ = right.bias + right.weights[0]! * signals.margin + right.weights[1]! * signals.overlapMargin + right.weights[2]! * signals.blend + right.weights[3]! * logVariants;
  return 1 / (1 + Math.exp(-coveredZ)) / (1 + Math.exp(-rightZ));
}
