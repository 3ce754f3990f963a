import type { DocumentStore } from '../storage/document-store.js';
import { npsGroupOf, surveyScales } from '../surveys/survey-scale.js';
import type { ReportRange } from './report-range.js';

/** How many answers gave one score. */
export interface ScoreCount {
  score: number;
  responses: number;
}

/** NPS over the answers of a period: % promoters (9–10) − % detractors (0–6), −100 to 100, one decimal. */
export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number;
  /** Every score 0–10 with its count (zeros included). */
  distribution: ScoreCount[];
}

/** CES over the answers of a period: the average of 1–7 (7 = very easy), two decimals, and its distribution. */
export interface CesFigures {
  responses: number;
  averageScore: number;
  /** Every score 1–7 with its count (zeros included). */
  distribution: ScoreCount[];
}

/** The NPS and CES figures of a period; null for a kind with no answer in it. */
export interface SurveyReport {
  nps: NpsFigures | null;
  ces: CesFigures | null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function distributionOf(kind: 'nps' | 'ces', counts: Map<number, number>): ScoreCount[] {
  const { min, max } = surveyScales[kind];
  return Array.from({ length: max - min + 1 }, (_, index) => ({ score: min + index, responses: counts.get(min + index) ?? 0 }));
}

function npsFigures(counts: Map<number, number>): NpsFigures | null {
  const groups = { promoter: 0, passive: 0, detractor: 0 };
  for (const [score, n] of counts) groups[npsGroupOf(score)] += n;
  const responses = groups.promoter + groups.passive + groups.detractor;
  if (responses === 0) return null;
  const nps = round(((groups.promoter - groups.detractor) / responses) * 100, 1);
  return { responses, promoters: groups.promoter, passives: groups.passive, detractors: groups.detractor, nps, distribution: distributionOf('nps', counts) };
}

function cesFigures(counts: Map<number, number>): CesFigures | null {
  const responses = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (responses === 0) return null;
  const sum = [...counts].reduce((total, [score, n]) => total + score * n, 0);
  return { responses, averageScore: round(sum / responses, 2), distribution: distributionOf('ces', counts) };
}

/**
 * The NPS and CES report over `survey_responses` answered in the range: the store counts the
 * answers per kind and score (a SQL GROUP BY on the embedded store, the same pipeline on
 * MongoDB), and the few cells become the standard figures.
 */
export async function surveyReport(store: DocumentStore, range: ReportRange): Promise<SurveyReport> {
  const cells = await store.collection('survey_responses').aggregate<{ _id: { kind: string; score: number }; n: number }>([
    { $match: { answeredAt: { $gte: range.start, $lt: range.end } } },
    { $group: { _id: { kind: '$kind', score: '$score' }, n: { $sum: 1 } } },
  ]);
  const counts = { nps: new Map<number, number>(), ces: new Map<number, number>() };
  for (const { _id, n } of cells) if (_id.kind === 'nps' || _id.kind === 'ces') counts[_id.kind].set(_id.score, n);
  return { nps: npsFigures(counts.nps), ces: cesFigures(counts.ces) };
}
