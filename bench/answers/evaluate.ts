/**
 * Runs the engine's real decision path (`AnswerPolicy.decide` over a `KnowledgeBase`)
 * on labelled messages and computes the protocol's metrics (shared/datasets/README.md §3).
 */
import type { Config, Locale } from '../../src/config/config-schema.js';
import { AnswerPolicy, chooseAction, type Action, type Decision } from '../../src/engine/answer-policy.js';
import { IntentMatcher } from '../../src/intents/intent-matcher.js';
import type { Article } from '../../src/knowledge/article.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Labeled } from './datasets.js';

export type Thresholds = Pick<Config['answers'], 'answerThreshold' | 'clarifyThreshold'>;

/** A slug for an intent name (`weather/find` → `weather-find`). */
export function slugOf(intent: string): string {
  return intent.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'intent';
}

/** One article per intent: its first variant as the title, the rest as question variants. */
export function knowledgeArticles(knowledge: Map<string, string[]>, locale: Locale): Article[] {
  const now = new Date();
  return [...knowledge].map(([intent, variants]) => ({
    _id: `${slugOf(intent)}.${locale}`,
    slug: slugOf(intent),
    locale,
    title: variants[0]!,
    questions: variants.slice(1),
    answer: `The answer for ${intent}.`,
    category: 'benchmark',
    tags: [],
    status: 'published',
    revision: 1,
    source: 'file',
    createdAt: now,
    updatedAt: now,
  }));
}

/** The engine's decision for one message, kept to re-choose under other thresholds. */
export interface Scored {
  expected: string | null;
  oosKind?: 'id' | 'ood';
  decision: Decision;
}

/** Decides every message with the real AnswerPolicy (no small-talk intents: the dataset is the whole knowledge base). */
export function decideAll(knowledge: KnowledgeBase, config: Config, thresholds: Thresholds, messages: Labeled[]): Scored[] {
  const policy = new AnswerPolicy({ ...config, answers: { ...config.answers, ...thresholds } }, knowledge, new IntentMatcher([]));
  return messages.map((message) => ({
    expected: message.label === 'oos' ? null : slugOf(message.label),
    ...(message.oosKind ? { oosKind: message.oosKind } : {}),
    decision: policy.decide({ text: message.text }),
  }));
}

export interface Metrics {
  nIn: number;
  nOos: number;
  inScopeAccuracy: number;
  oosRecall: number;
  oosPrecision: number;
  oosF1: number;
  wrongAnswerRate: number;
  wrongInScope: number;
  answeredOos: number;
  coverage: number;
  clarifyRate: number;
  clarifyHitRate: number;
  /** Clarify mapped to its top candidate (the published systems have no clarify). */
  comparable: { inScopeAccuracy: number; oosRecall: number };
  oosRecallByKind: Record<string, number>;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** The protocol's counts and metrics for one set of decisions (`action` re-chosen under `thresholds` when given). */
export function metrics(scored: Scored[], thresholds?: Thresholds): Metrics {
  let correct = 0, wrong = 0, clarifyIn = 0, escalatedIn = 0, answeredOos = 0, clarifyOos = 0, escalatedOos = 0, clarifyHits = 0, comparableCorrect = 0, comparableEscalatedOos = 0;
  const byKind: Record<string, { n: number; escalated: number }> = {};
  let nIn = 0, nOos = 0;
  for (const item of scored) {
    const action: Action = thresholds ? chooseAction(thresholds, item.decision.intent, item.decision.candidates) : item.decision.action;
    const top = action.kind === 'answer' ? action.slug : action.kind === 'clarify' ? action.candidates[0]?.slug : undefined;
    if (item.expected !== null) {
      nIn++;
      if (action.kind === 'answer') (action.slug === item.expected ? correct++ : wrong++);
      else if (action.kind === 'clarify') {
        clarifyIn++;
        if (action.candidates.some((candidate) => candidate.slug === item.expected)) clarifyHits++;
      } else escalatedIn++;
      if (top === item.expected) comparableCorrect++;
    } else {
      nOos++;
      const kind = item.oosKind ?? 'all';
      byKind[kind] ??= { n: 0, escalated: 0 };
      byKind[kind].n++;
      if (action.kind === 'answer') answeredOos++;
      else if (action.kind === 'clarify') clarifyOos++;
      else {
        escalatedOos++;
        byKind[kind].escalated++;
      }
      if (top === undefined) comparableEscalatedOos++;
    }
  }
  const all = nIn + nOos;
  const oosRecall = ratio(escalatedOos, nOos);
  const oosPrecision = ratio(escalatedOos, escalatedOos + escalatedIn);
  return {
    nIn,
    nOos,
    inScopeAccuracy: ratio(correct, nIn),
    oosRecall,
    oosPrecision,
    oosF1: oosRecall + oosPrecision > 0 ? (2 * oosRecall * oosPrecision) / (oosRecall + oosPrecision) : 0,
    wrongAnswerRate: ratio(wrong + answeredOos, all),
    wrongInScope: ratio(wrong, nIn),
    answeredOos: ratio(answeredOos, nOos),
    coverage: ratio(correct + wrong + answeredOos, all),
    clarifyRate: ratio(clarifyIn + clarifyOos, all),
    clarifyHitRate: ratio(clarifyHits, clarifyIn),
    comparable: { inScopeAccuracy: ratio(comparableCorrect, nIn), oosRecall: ratio(comparableEscalatedOos, nOos) },
    oosRecallByKind: Object.fromEntries(Object.entries(byKind).map(([kind, { n, escalated }]) => [kind, ratio(escalated, n)])),
  };
}

/** The threshold-free view (§3.3): reject when the best confidence is below t, else answer the top article. */
export function sweep(scored: Scored[]): { auroc: number; accuracyAtOosRecall: Record<string, number | null>; riskCoverage: { threshold: number; coverage: number; war: number; inScopeAccuracy: number; oosRecall: number }[] } {
  const rows = scored.map((item) => ({ score: item.decision.candidates[0]?.confidence ?? 0, inScope: item.expected !== null, right: item.expected !== null && item.decision.candidates[0]?.slug === item.expected }));
  const inScores = rows.filter((row) => row.inScope).map((row) => row.score);
  const oosScores = rows.filter((row) => !row.inScope).map((row) => row.score);
  let auroc = 0;
  if (inScores.length > 0 && oosScores.length > 0) {
    const sortedOos = Float64Array.from(oosScores).sort();
    let sum = 0;
    for (const score of inScores) {
      let below = 0, equal = 0;
      let low = 0, high = sortedOos.length;
      while (low < high) { const mid = (low + high) >> 1; if (sortedOos[mid]! < score) low = mid + 1; else high = mid; }
      below = low;
      while (low + equal < sortedOos.length && sortedOos[low + equal] === score) equal++;
      sum += below + equal / 2;
    }
    auroc = sum / (inScores.length * oosScores.length);
  }
  const at = (threshold: number) => {
    let correct = 0, wrong = 0, answeredOos = 0, escalatedOos = 0;
    for (const row of rows) {
      const answered = row.score >= threshold;
      if (row.inScope) { if (answered) (row.right ? correct++ : wrong++); }
      else if (answered) answeredOos++;
      else escalatedOos++;
    }
    const all = rows.length;
    return { threshold, coverage: ratio(correct + wrong + answeredOos, all), war: ratio(wrong + answeredOos, all), inScopeAccuracy: ratio(correct, inScores.length), oosRecall: ratio(escalatedOos, oosScores.length) };
  };
  const thresholds = Array.from({ length: 21 }, (_, i) => i / 20);
  const accuracyAtOosRecall: Record<string, number | null> = {};
  const sortedOos = [...oosScores].sort((a, b) => a - b);
  for (const target of [0.8, 0.9, 0.95]) {
    if (sortedOos.length === 0) { accuracyAtOosRecall[target.toFixed(2)] = null; continue; }
    // The lowest threshold that escalates at least `target` of the OOS messages.
    const index = Math.min(sortedOos.length - 1, Math.ceil(target * sortedOos.length) - 1);
    const threshold = sortedOos[index]! + 1e-9;
    accuracyAtOosRecall[target.toFixed(2)] = at(threshold).inScopeAccuracy;
  }
  return { auroc, accuracyAtOosRecall, riskCoverage: thresholds.map(at) };
}

/**
 * Thresholds tuned on validation decisions only: the clarify (reject) threshold maximizing
 * the mean of in-scope accuracy and OOS recall with clarify counted as its top candidate (the
 * published systems' setting), then the answer threshold at or above it maximizing
 * right answers minus twice the wrong ones (a wrong answer costs more than a clarification).
 */
export function tune(scored: Scored[]): Thresholds {
  const grid = Array.from({ length: 81 }, (_, i) => 0.1 + i / 100);
  let best = { clarifyThreshold: 0.4, answerThreshold: 0.6 };
  let bestScore = -Infinity;
  for (const clarifyThreshold of grid) {
    const m = metrics(scored, { clarifyThreshold, answerThreshold: clarifyThreshold });
    const score = (m.comparable.inScopeAccuracy + m.comparable.oosRecall) / 2;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = { clarifyThreshold, answerThreshold: clarifyThreshold };
    }
  }
  let bestValue = -Infinity;
  for (const answerThreshold of grid.filter((value) => value >= best.clarifyThreshold)) {
    const m = metrics(scored, { clarifyThreshold: best.clarifyThreshold, answerThreshold });
    const value = m.inScopeAccuracy * m.nIn - 2 * (m.wrongInScope * m.nIn + m.answeredOos * m.nOos);
    if (value > bestValue + 1e-9) {
      bestValue = value;
      best = { ...best, answerThreshold };
    }
  }
  return { clarifyThreshold: round(best.clarifyThreshold), answerThreshold: round(best.answerThreshold) };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The comparison point with published rows that report OOS recall: the reject threshold,
 * chosen on validation decisions only, that keeps validation OOS recall at `minRecall` or
 * more with the most in-scope messages answered (clarify counts as its top candidate).
 */
export function matchedRecallThresholds(validation: Scored[], minRecall: number): Thresholds | null {
  // Calibrated confidences of out-of-scope messages crowd near 0: a fine grid there.
  const grid = [...Array.from({ length: 99 }, (_, i) => (i + 1) / 1000), ...Array.from({ length: 90 }, (_, i) => (i + 10) / 100)];
  for (const threshold of grid) {
    const m = metrics(validation, { clarifyThreshold: threshold, answerThreshold: threshold });
    if (m.comparable.oosRecall >= minRecall) return { clarifyThreshold: threshold, answerThreshold: threshold };
  }
  return null;
}
